using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class grouped_appends_share_commits_and_fail_alone(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private StoreNode _node = null!;

    public async Task InitializeAsync() => _node = await StoreNode.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task many_writers_on_one_stream_all_land_in_order_with_fewer_transactions_than_appends()
    {
        const int Writers = 200;
        var stream = "plugin-events:" + Guid.NewGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            Task.Run(() => _node.Store.AppendGroupedAsync(stream, [new CommentReceived("w", $"{i}")]))));

        var stored = await _node.Store.ReadStreamAsync(stream);
        Assert.Equal(Writers, stored.Count);
        Assert.Equal(Enumerable.Range(1, Writers).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"{i}").Order(), stored.Select(e => ((CommentReceived)e.Data).Text).Order());
        // Each caller is answered with its own event, as stored.
        Assert.All(results, r => Assert.Single(r.Events));
        Assert.Equal(stored.Select(e => e.Id).Order(), results.Select(r => r.Events[0].Id).Order());
        // Grouped: the events share transactions (Marten's transaction id is not exposed; the timestamps are the commit's).
        Assert.True(stored.Select(e => e.Timestamp).Distinct().Count() < Writers, "Every append went in a transaction of its own.");
    }

    [Fact]
    public async Task a_bad_append_in_a_group_fails_only_its_caller()
    {
        var stream = "inbox-" + Guid.NewGuid();
        var taken = NewEvent.For(new CommentReceived("x", "first"));
        await _node.Store.AppendAsync(stream, ExpectedVersion.Any, [taken]);
        // Reusing a stored event's id in another batch is refused; it must not take its group down with it.
        var appends = Enumerable.Range(0, 30)
            .Select(i => i == 15
                ? _node.Store.AppendGroupedAsync(stream, [NewEvent.For(new CommentReceived("x", "new")), taken with { Data = new CommentReceived("x", "reused") }])
                : _node.Store.AppendGroupedAsync(stream, [new CommentReceived("y", $"{i}")]))
            .ToArray();

        await Assert.ThrowsAsync<DuplicateEventException>(() => appends[15]);
        foreach (var (append, i) in appends.Select((a, i) => (a, i)).Where(p => p.i != 15))
        {
            Assert.Single((await append).Events);
        }

        var texts = (await _node.Store.ReadStreamAsync(stream)).Select(e => ((CommentReceived)e.Data).Text).ToList();
        Assert.Equal(30, texts.Count);
        Assert.DoesNotContain("new", texts);
        Assert.DoesNotContain("reused", texts);
    }

    [Fact]
    public async Task an_unregistered_event_is_refused_before_anything_is_queued()
    {
        var stream = "x-" + Guid.NewGuid();
        await Assert.ThrowsAsync<InvalidOperationException>(() => _node.Store.AppendGroupedAsync(stream, [new NotRegistered()]));
        Assert.Null(await _node.Store.GetStreamAsync(stream));
    }

    private sealed record NotRegistered;
}
