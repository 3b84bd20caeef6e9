using System.Net;
using System.Text.Json;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Testing;
using Npgsql;

namespace Extensible.Host.Tests.Publishing.Publisher;

public sealed class a_stalled_publisher_makes_its_node_not_ready(PublisherHost fixture) : IClassFixture<PublisherHost>
{
    private readonly PublishingHost host = fixture.Publishing;

    [Fact]
    public async Task while_its_loop_is_stuck_with_work_due_and_again_once_it_turns()
    {
        var account = await host.ConnectSandboxAccountAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var postId = await host.SchedulePostAsync(due, [new PostTarget(account, null)]);
        Assert.Equal(HttpStatusCode.OK, (await host.Host.Client.GetAsync("/readyz")).StatusCode);

        // Another transaction holds the post's stream: the publisher's claim, which records "publish started" on that
        // stream, waits for it, and its loop stops turning while the target is due (its heartbeat goes on).
        await using var blocker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(host.Host.ConnectionString) { SearchPath = host.Store.Options.Schema }.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("select 1 from mt_streams where id = $1 for update", blocker))
        {
            hold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PublishingStreams.Post(postId) });
            Assert.Equal(1, await hold.ExecuteScalarAsync());
        }

        // Three heartbeat intervals (1 s here) without a turn while work is due: not ready, and the report says why.
        await Eventually.HoldsAsync(async () => (await ReadinessAsync()).Status == HttpStatusCode.ServiceUnavailable, "the node reports not ready");
        var (_, report) = await ReadinessAsync();
        Assert.False(report.GetProperty("publisher").GetBoolean());
        Assert.True(report.GetProperty("database").GetBoolean());

        await transaction.RollbackAsync();
        await Eventually.HoldsAsync(async () => (await ReadinessAsync()).Status == HttpStatusCode.OK, "the node is ready again once the loop turns");
        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = $1 and status = 'published'", postId) == 1,
            "the held target goes out");
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> ReadinessAsync()
    {
        using var response = await host.Host.Client.GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
