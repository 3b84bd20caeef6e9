using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Projections;

public sealed class one_node_runs_a_projection_at_a_time
{
    private static async Task AppendAsync(EventStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.AppendAsync($"comment-{Guid.NewGuid()}", ExpectedVersion.NoStream, [new CommentReceived("fan", $"{i}")]);
        }
    }

    private static Task<long> ScalarAsync(string database, string sql) => StoreNode.ScalarAsync<long>(database, sql);

    [Fact]
    public async Task and_the_other_takes_over_when_the_leader_stops()
    {
        var database = await StoreNode.NewDatabaseAsync("leader");
        await using var a = await StoreNode.StartAsync(database, NodeProjection.On(new NodeProjection("a")));
        await using var b = await StoreNode.StartAsync(database, NodeProjection.On(new NodeProjection("b")));

        await Task.WhenAll(AppendAsync(a.Store, 40), AppendAsync(b.Store, 40));
        await Eventually.HoldsAsync(async () => await ScalarAsync(database, "select count(*) from projected") >= 80, "one node projects everything");

        Assert.Equal(1, await ScalarAsync(database, "select count(distinct node) from projected"));
        var leaderName = await StoreNode.ScalarAsync<string>(database, "select min(node) from projected");
        var (leader, standby) = leaderName == "a" ? (a, b) : (b, a);

        await leader.StopAsync();
        await AppendAsync(standby.Store, 20);
        await Eventually.HoldsAsync(async () => await ScalarAsync(database, "select count(*) from projected") >= 100, "the other node takes over");

        Assert.Equal(100, await ScalarAsync(database, "select count(*) from projected"));
        Assert.Equal(100, await ScalarAsync(database, "select count(distinct seq) from projected"));
        Assert.Equal(20, await ScalarAsync(database, $"select count(*) from projected where node <> '{leaderName}'"));
    }
}
