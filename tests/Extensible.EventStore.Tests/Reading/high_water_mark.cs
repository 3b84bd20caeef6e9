using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Reading;

public sealed class high_water_mark(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task waits_for_an_open_transaction_and_passes_a_rolled_back_gap_only_once_it_is_dead()
    {
        await using var stores = new Stores(database.ConnectionString);
        var gate = new GateProjection();
        var holder = await stores.StoreAsync(o => o.Projections.Add(gate, ProjectionLifecycle.Inline));
        var reader = await stores.StoreAsync();

        await reader.AppendAsync("a", ExpectedVersion.Any, [new CommentReceived("x", "1")]);
        Assert.Equal(1, await reader.GetHighWaterMarkAsync());

        // Sequence 2 is taken by a transaction held open on purpose; 3 commits behind it.
        var held = holder.AppendAsync("b", ExpectedVersion.Any, [new CommentReceived("x", "2")]);
        await gate.Entered;
        await reader.AppendAsync("c", ExpectedVersion.Any, [new CommentReceived("x", "3")]);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1, await reader.GetHighWaterMarkAsync());
        }

        Assert.Equal([1L], (await reader.ReadAllAsync(0)).Events.Select(e => e.Sequence));

        gate.Release(commit: true);
        await held;
        Assert.Equal(3, await reader.GetHighWaterMarkAsync());
        Assert.Equal([1L, 2L, 3L], (await reader.ReadAllAsync(0)).Events.Select(e => e.Sequence));

        // Sequence 4 is held, 5 commits, then 4's transaction rolls back.
        var doomed = holder.AppendAsync("d", ExpectedVersion.Any, [new CommentReceived("x", "4")]);
        await gate.Entered;
        await reader.AppendAsync("e", ExpectedVersion.Any, [new CommentReceived("x", "5")]);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(3, await reader.GetHighWaterMarkAsync());
        }

        Assert.Equal(0, await stores.ScalarAsync<long>("select count(*) from extensible.gaps"));
        gate.Release(commit: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => doomed);

        await Eventually.HoldsAsync(async () => await reader.GetHighWaterMarkAsync() == 5, "the mark passes the dead gap");
        Assert.Equal(4, await stores.ScalarAsync<long>("select from_seq from extensible.gaps where to_seq = 4"));
        Assert.Equal([1L, 2L, 3L, 5L], (await reader.ReadAllAsync(0)).Events.Select(e => e.Sequence));
    }
}
