using System.Diagnostics;
using Extensible.Host.Hosting;
using Extensible.Publishing.Posts;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Publishing.Publisher;

public sealed class a_node_killed_mid_publish_is_reconciled_by_key(a_node_killed_mid_publish_is_reconciled_by_key.IdleHost fixture)
    : IClassFixture<a_node_killed_mid_publish_is_reconciled_by_key.IdleHost>
{
    /// <summary>A host whose own publisher is off: the doomed process does the publishing until it is killed.</summary>
    public sealed class IdleHost : IAsyncLifetime
    {
        public PublishingHost Publishing { get; } = new() { Arguments = ["--Extensible:Publisher:Enabled=false"] };

        public Task InitializeAsync() => Publishing.InitializeAsync();

        public Task DisposeAsync() => Publishing.DisposeAsync();
    }

    private readonly PublishingHost host = fixture.Publishing;

    [Fact]
    public async Task the_survivor_finds_what_the_dead_node_sent_and_sends_the_rest_once()
    {
        var accounts = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            accounts.Add(await host.ConnectSandboxAccountAsync());
        }

        var posts = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            posts.Add(await host.SchedulePostAsync(DateTimeOffset.UtcNow, [.. accounts.Select(a => new PostTarget(a, null))], $"Post {i}"));
        }

        var ids = posts.ToArray();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using (var doomed = StartDoomedNode(log))
        {
            try
            {
                // Killed while it holds claimed targets, some already sent.
                await Eventually.HoldsAsync(
                    async () => await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = any($1) and status = 'published'", ids) >= 3
                        && await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = any($1) and status = 'publishing' and started_node = 'doomed'", ids) >= 5,
                    "the doomed node has published some targets and holds others", TimeSpan.FromSeconds(150));
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new InvalidOperationException($"{e.Message}\nThe doomed node's output:\n{string.Join('\n', log)}", e);
            }
            finally
            {
                doomed.Kill(entireProcessTree: true);
                await doomed.WaitForExitAsync();
            }
        }

        var orphaned = await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = any($1) and status = 'publishing'", ids);
        Assert.True(orphaned > 0, "the kill left targets publishing");

        await using var survivor = await ExtensibleTestHost.StartAsync(host.Host.ConnectionString, new ExtensibleTestHostOptions
        {
            BundledPluginsFolder = BundledPlugins.HostBuildOutputFolder(),
            DataFolder = DataPath,
            Arguments = [.. PublisherHost.FastArguments, "--Extensible:Publisher:Node=survivor"],
            QuietLogs = true,
        });
        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = any($1) and status = 'published'", ids) == 300,
            "every target is published after the lease", TimeSpan.FromSeconds(90));

        // The network holds one post per target (a post accepted just before the kill may have no post_published event:
        // the process died before the sandbox recorded it), and no post was created twice for one key.
        Assert.Equal(300L, await host.QueryAsync<long>(
            "select count(distinct s.key) from publishing_targets t join plugin_store s on s.plugin_id = 'extensible.sandbox' and s.key = 'post:' || t.platform_post_id where t.post_id = any($1)", ids));
        var (received, distinct) = await PublishingHost.SandboxReceivedAsync(host.Host);
        Assert.Equal(0L, received - distinct);
        // The survivor took over targets the dead node had started: the same key, a later attempt.
        Assert.True(await host.QueryAsync<long>(
            "select count(*) from mt_events a join mt_events b on a.data->>'IdempotencyKey' = b.data->>'IdempotencyKey' "
            + "where a.type = 'target_publish_started' and b.type = 'target_publish_started' and a.data->>'Node' = 'doomed' and b.data->>'Node' = 'survivor'") >= orphaned);
    }

    private string DataPath => host.Services.GetRequiredService<IOptions<ExtensibleOptions>>().Value.DataPath;

    private Process StartDoomedNode(System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var plugins = BundledPlugins.HostBuildOutputFolder();
        var folder = Path.GetDirectoryName(plugins)!;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])
        [
            Path.Combine(folder, "Extensible.Host.dll"), "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Extensible={host.Host.ConnectionString}",
            $"--Extensible:DataDir={DataPath}", $"--Extensible:Plugins:BundledPath={plugins}", "--Logging:LogLevel:Default=Warning",
            "--Extensible:EventStore:PollInterval=00:00:00.100", "--Extensible:Publisher:Node=doomed", "--Extensible:Publisher:HeartbeatInterval=00:00:01",
            "--Extensible:Publisher:MaxConcurrentPerConnector=1", "--Extensible:Publisher:MaxConcurrentPerAccount=1",
        ])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_CONTENTROOT"] = folder;
        info.Environment.Remove("ConnectionStrings__Extensible");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start the host.");
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
