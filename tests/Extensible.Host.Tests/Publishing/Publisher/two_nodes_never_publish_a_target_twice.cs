using Extensible.Publishing.Posts;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Plugins;

namespace Extensible.Host.Tests.Publishing.Publisher;

public sealed class two_nodes_never_publish_a_target_twice(PublisherHost fixture) : IClassFixture<PublisherHost>
{
    private readonly PublishingHost host = fixture.Publishing;

    [Fact]
    public async Task two_hosts_on_one_database_publish_200_targets_each_exactly_once()
    {
        await using var second = await ExtensibleTestHost.StartAsync(host.Host.ConnectionString, new ExtensibleTestHostOptions
        {
            BundledPluginsFolder = BundledPlugins.HostBuildOutputFolder(),
            Arguments = [.. PublisherHost.FastArguments, "--Extensible:Publisher:Node=second"],
            QuietLogs = true,
        });
        var accounts = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            accounts.Add(await host.ConnectSandboxAccountAsync());
        }

        // Both nodes wake for the same instant.
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var posts = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            posts.Add(await host.SchedulePostAsync(due, [.. accounts.Select(a => new PostTarget(a, null))], $"Post {i}"));
        }

        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = any($1) and status = 'published'", posts.ToArray()) == 200,
            "all 200 targets are published", TimeSpan.FromSeconds(60));

        var (received, distinct) = await PublishingHost.SandboxReceivedAsync(host.Host);
        Assert.Equal(200L, distinct);
        Assert.Equal(0L, received - distinct);
        // Every target was claimed; one claimed again (a retry after a plugin timeout on a loaded machine, a takeover after
        // a missed heartbeat) was looked up by its key first, so the network still got it once (above).
        Assert.Equal(200L, await host.QueryAsync<long>(
            "select count(distinct data->>'IdempotencyKey') from mt_events where type = 'target_publish_started' and (data->>'PostId')::uuid = any($1)", posts.ToArray()));
        Assert.Equal(2L, await host.QueryAsync<long>(
            "select count(distinct data->>'Node') from mt_events where type = 'target_publish_started' and (data->>'PostId')::uuid = any($1)", posts.ToArray()));
    }
}
