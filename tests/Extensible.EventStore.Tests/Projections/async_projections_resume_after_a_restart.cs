using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Projections;

public sealed class async_projections_resume_after_a_restart
{
    private static async Task AppendAsync(EventStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.AppendAsync($"comment-{Guid.NewGuid()}", ExpectedVersion.NoStream, [new CommentReceived("fan", $"{i}")]);
        }
    }

    private static Task<long> ProjectedAsync(string connectionString, string what = "count(*)") =>
        StoreNode.ScalarAsync<long>(connectionString, $"select {what} from projected");

    [Fact]
    public async Task of_the_store_from_its_checkpoint()
    {
        var database = await StoreNode.NewDatabaseAsync("resume");
        await using (var first = await StoreNode.StartAsync(database, NodeProjection.On(new NodeProjection("first"))))
        {
            await AppendAsync(first.Store, 30);
            await Eventually.HoldsAsync(async () => await ProjectedAsync(database) == 30, "the first node projects");
        }

        await using (var writer = await StoreNode.StartAsync(database, configure: o => o.RunDaemon = false))
        {
            await AppendAsync(writer.Store, 20);
        }

        await using var restarted = await StoreNode.StartAsync(database, NodeProjection.On(new NodeProjection("restarted")));
        await Eventually.HoldsAsync(async () => await ProjectedAsync(database) >= 50, "the restarted node resumes");
        Assert.Equal(50, await ProjectedAsync(database));
        Assert.Equal(50, await ProjectedAsync(database, "count(distinct seq)"));
        Assert.Equal(20, await StoreNode.ScalarAsync<long>(database, "select count(*) from projected where node = 'restarted'"));
    }
}
