using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Projections;

public sealed class a_read_model_and_its_checkpoint_commit_together
{
    private const int Events = 10;

    // One statement, so both are read from one snapshot: the rows and the progression of Marten's shard.
    private static async Task<(long Rows, long Checkpoint)> ReadModelAndCheckpointAsync(string database)
    {
        var both = await StoreNode.ScalarAsync<long[]>(database, $"""
            select array[(select count(*) from projected),
                         coalesce((select last_seq_id from mt_event_progression where name = '{NodeProjection.Name}:All'), 0)]
            """);
        return (both[0], both[1]);
    }

    [Fact]
    public async Task neither_advances_when_the_write_fails_and_both_when_it_succeeds()
    {
        var database = await StoreNode.NewDatabaseAsync("checkpoint");
        var projection = new NodeProjection("only") { Failing = true };
        await using var node = await StoreNode.StartAsync(database, NodeProjection.On(projection));
        for (var i = 0; i < Events; i++)
        {
            await node.Store.AppendAsync($"comment-{Guid.NewGuid()}", ExpectedVersion.NoStream, [new CommentReceived("fan", $"{i}")]);
        }

        // The daemon handed the batch over twice: its first write (good rows, then a row the table refuses) failed.
        await Eventually.HoldsAsync(() => projection.Batches >= 2, "the daemon tries the batch again after its write failed");
        Assert.Contains(node.Logs.Entries, e => e.Message.Contains($"{NodeProjection.Name}:All", StringComparison.Ordinal));
        Assert.Equal((0, 0), await ReadModelAndCheckpointAsync(database));

        projection.Failing = false;
        await Eventually.HoldsAsync(async () =>
        {
            var (rows, checkpoint) = await ReadModelAndCheckpointAsync(database);
            // Never one without the other: each event up to the checkpoint has its row, and no event beyond it.
            Assert.Equal(checkpoint, rows);
            return checkpoint == Events;
        }, "the read model and its checkpoint advance once the write succeeds");
        Assert.Equal(Events, await StoreNode.ScalarAsync<long>(database, "select count(distinct seq) from projected"));
    }
}
