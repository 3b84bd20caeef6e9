using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class a_concurrency_loser_writes_nothing(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private StoreNode _node = null!;

    public async Task InitializeAsync() => _node = await StoreNode.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<long> EventCountAsync() => StoreNode.EventCountAsync(database.ConnectionString);

    [Fact]
    public async Task and_gets_a_typed_error_naming_the_stream_and_both_versions()
    {
        var stream = "post-" + Guid.NewGuid();
        await _node.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("a", "1"), new CommentReceived("a", "2")]);
        var before = await EventCountAsync();

        var created = await Assert.ThrowsAsync<StreamConcurrencyException>(() =>
            _node.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("b", "late")]));
        var stale = await Assert.ThrowsAsync<StreamConcurrencyException>(() =>
            _node.Store.AppendAsync(stream, 1, [new CommentReceived("c", "stale")]));

        Assert.Equal((stream, 0L, 2L), (created.StreamId, created.ExpectedVersion, created.ActualVersion));
        Assert.Equal((stream, 1L, 2L), (stale.StreamId, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Contains(stream, stale.Message, StringComparison.Ordinal);
        Assert.Equal(before, await EventCountAsync());
        Assert.Equal(2, (await _node.Store.GetStreamAsync(stream))!.Version);
        Assert.Equal(["1", "2"], (await _node.Store.ReadStreamAsync(stream)).Select(e => ((CommentReceived)e.Data).Text));
    }

    [Fact]
    public async Task even_from_a_batch_whose_other_streams_were_fine()
    {
        var (fresh, taken) = ("a-" + Guid.NewGuid(), "b-" + Guid.NewGuid());
        await _node.Store.AppendAsync(taken, ExpectedVersion.NoStream, [new CommentReceived("x", "y")]);
        var before = await EventCountAsync();

        var loser = await Assert.ThrowsAsync<StreamConcurrencyException>(() => _node.Store.AppendAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("1", "1"))]),
            new StreamAppend(taken, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("2", "2"))]),
        ]));

        Assert.Equal(taken, loser.StreamId);
        Assert.Equal(before, await EventCountAsync());
        Assert.DoesNotContain(await StoreNode.ReadEverythingAsync(_node.Store), e => e.StreamId == fresh);
        Assert.Null(await _node.Store.GetStreamAsync(fresh));
        Assert.Empty(await _node.Store.ReadStreamAsync(fresh));

        var winner = await _node.Store.AppendAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("1", "1"))]),
            new StreamAppend(taken, 1, [NewEvent.For(new CommentReceived("2", "2")), NewEvent.For(new CommentHidden("spam"))]),
        ]);
        Assert.Equal((1L, 3L), (winner.VersionOf(fresh), winner.VersionOf(taken)));
    }
}
