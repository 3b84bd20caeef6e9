using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class retries_by_event_id_write_nothing_twice(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private StoreNode _node = null!;

    public async Task InitializeAsync() => _node = await StoreNode.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<long> EventCountAsync() => StoreNode.EventCountAsync(database.ConnectionString);

    [Theory]
    [InlineData(ExpectedVersion.NoStream)]
    [InlineData(ExpectedVersion.Any)]
    public async Task a_retry_of_the_same_ids_answers_the_stored_events(long expectedVersion)
    {
        var stream = "post-" + Guid.NewGuid();
        NewEvent[] batch = [NewEvent.For(new CommentReceived("a", "1")), NewEvent.For(new CommentReceived("b", "2"))];
        var first = await _node.Store.AppendAsync([new StreamAppend(stream, expectedVersion, batch)]);
        var before = await EventCountAsync();

        var retry = await _node.Store.AppendAsync([new StreamAppend(stream, expectedVersion, batch)]);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Events.Select(e => (e.Sequence, e.Id, e.Version)), retry.Events.Select(e => (e.Sequence, e.Id, e.Version)));
        Assert.Equal(batch.Select(e => e.Data), retry.Events.Select(e => e.Data));
        Assert.Equal(before, await EventCountAsync());
        Assert.Equal(2, (await _node.Store.GetStreamAsync(stream))!.Version);
    }

    [Fact]
    public async Task a_batch_that_repeats_only_some_ids_is_refused_whole()
    {
        var stream = "post-" + Guid.NewGuid();
        NewEvent[] batch = [NewEvent.For(new CommentReceived("a", "1")), NewEvent.For(new CommentReceived("b", "2"))];
        await _node.Store.AppendAsync([new StreamAppend(stream, ExpectedVersion.NoStream, batch)]);
        var before = await EventCountAsync();

        var mixed = await Assert.ThrowsAsync<DuplicateEventException>(() =>
            _node.Store.AppendAsync([new StreamAppend(stream, ExpectedVersion.Any, [NewEvent.For(new CommentReceived("c", "3")), batch[0]])]));
        var elsewhere = await Assert.ThrowsAsync<DuplicateEventException>(() =>
            _node.Store.AppendAsync([new StreamAppend("other-" + Guid.NewGuid(), ExpectedVersion.NoStream, batch)]));

        Assert.Equal(batch[0].Id, mixed.EventId);
        Assert.Contains(elsewhere.EventId, batch.Select(e => e.Id));
        Assert.Equal(before, await EventCountAsync());
        Assert.Equal(2, (await _node.Store.ReadStreamAsync(stream)).Count);
    }
}
