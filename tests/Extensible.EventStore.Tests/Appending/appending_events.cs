using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class appending_events(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly Stores _stores = new(database.ConnectionString);
    private EventStore _store = null!;

    public async Task InitializeAsync() => _store = await _stores.StoreAsync();

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task appended_events_read_back_with_versions_and_metadata()
    {
        var stream = "post-" + Guid.NewGuid();
        var metadata = new EventMetadata
        {
            Tenant = "acme",
            CorrelationId = "corr-1",
            CausationId = "cause-1",
            User = "sam@acme.test",
            Headers = new Dictionary<string, string> { ["source"] = "test" },
        };

        var result = await _store.AppendAsync(stream, ExpectedVersion.NoStream,
            [new PostScheduled("Launch", DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), new CommentReceived("ann", "first!")], metadata);

        Assert.False(result.Replayed);
        Assert.Equal(2, result.VersionOf(stream));
        var events = await _store.ReadStreamAsync(stream, tenant: "acme");
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(["post_scheduled", "comment_received"], events.Select(e => e.Alias));
        Assert.Equal(new CommentReceived("ann", "first!"), events[1].Data);
        Assert.True(events[1].Sequence > events[0].Sequence);
        Assert.Equal("corr-1", events[0].Metadata.CorrelationId);
        Assert.Equal("cause-1", events[0].Metadata.CausationId);
        Assert.Equal("sam@acme.test", events[0].Metadata.User);
        Assert.Equal("test", events[0].Metadata.Headers!["source"]);
        Assert.Empty(await _store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task a_concurrency_loser_fails_naming_the_stream_and_burns_no_sequence_number()
    {
        var stream = "post-" + Guid.NewGuid();
        await _store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("a", "1")]);
        var before = await _stores.ScalarAsync<long>("select last_value from extensible.events_seq");

        var loser = await Assert.ThrowsAsync<StreamConcurrencyException>(() =>
            _store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("b", "2")]));

        Assert.Equal(stream, loser.StreamId);
        Assert.Equal(0, loser.ExpectedVersion);
        Assert.Equal(1, loser.ActualVersion);
        Assert.Contains(stream, loser.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _stores.ScalarAsync<long>("select last_value from extensible.events_seq"));
        Assert.Single(await _store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task a_multi_stream_batch_is_all_or_nothing()
    {
        var (a, b) = ("a-" + Guid.NewGuid(), "b-" + Guid.NewGuid());
        await _store.AppendAsync(b, ExpectedVersion.NoStream, [new CommentReceived("x", "y")]);

        await Assert.ThrowsAsync<StreamConcurrencyException>(() => _store.AppendAsync(
        [
            new StreamAppend(a, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("1", "1"))]),
            new StreamAppend(b, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("2", "2"))]),
        ]));
        Assert.Empty(await _store.ReadStreamAsync(a));

        var result = await _store.AppendAsync(
        [
            new StreamAppend(a, ExpectedVersion.NoStream, [NewEvent.For(new CommentReceived("1", "1"))]),
            new StreamAppend(b, 1, [NewEvent.For(new CommentReceived("2", "2")), NewEvent.For(new CommentHidden("spam"))]),
        ]);
        Assert.Equal(1, result.VersionOf(a));
        Assert.Equal(3, result.VersionOf(b));
        Assert.Equal(3, (await _store.GetStreamAsync(b))!.Version);
    }

    [Fact]
    public async Task retrying_the_same_event_ids_stores_nothing_twice()
    {
        var stream = "post-" + Guid.NewGuid();
        NewEvent[] batch = [NewEvent.For(new CommentReceived("a", "1")), NewEvent.For(new CommentReceived("b", "2"))];

        var first = await _store.AppendAsync([new StreamAppend(stream, ExpectedVersion.NoStream, batch)]);
        var retry = await _store.AppendAsync([new StreamAppend(stream, ExpectedVersion.NoStream, batch)]);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Events.Select(e => e.Sequence), retry.Events.Select(e => e.Sequence));
        Assert.Equal(2, (await _store.ReadStreamAsync(stream)).Count);

        var mixed = await Assert.ThrowsAsync<DuplicateEventException>(() =>
            _store.AppendAsync([new StreamAppend(stream, ExpectedVersion.Any, [NewEvent.For(new CommentReceived("c", "3")), batch[0]])]));
        Assert.Equal(batch[0].Id, mixed.EventId);
        Assert.Equal(2, (await _store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task an_archived_stream_refuses_appends()
    {
        var stream = "post-" + Guid.NewGuid();
        await _store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("a", "1")]);
        await _store.ArchiveStreamAsync(stream);

        var refused = await Assert.ThrowsAsync<StreamArchivedException>(() => _store.AppendAsync(stream, ExpectedVersion.Any, [new CommentReceived("b", "2")]));

        Assert.Equal(stream, refused.StreamId);
        Assert.True((await _store.GetStreamAsync(stream))!.Archived);
        Assert.Single(await _store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task unregistered_types_and_empty_batches_are_refused_before_the_database()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.AppendAsync("s", ExpectedVersion.Any, [new object()]));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendAsync("s", ExpectedVersion.Any, []));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendAsync([]));
        Assert.Throws<ArgumentException>(() => new EventStoreOptions().Events.Register("Bad Alias", TestEventsJsonContext.Default.CommentHidden));
    }

    [Fact]
    public async Task sequences_and_versions_are_64_bit()
    {
        var fresh = new Stores(await TestPostgres.CreateDatabaseAsync("append64"));
        await using var _ = fresh;
        var store = await fresh.StoreAsync();
        await fresh.ExecuteAsync("select setval('extensible.events_seq', 5000000000)");

        var result = await store.AppendAsync("big", ExpectedVersion.Any, [new CommentReceived("a", "1")]);

        Assert.Equal(5_000_000_001, result.LastSequence);
        // The numbers below were never handed out: the mark passes them as one recorded gap.
        await Eventually.HoldsAsync(async () => await store.GetHighWaterMarkAsync() == 5_000_000_001, "the mark passes the unused numbers");
        Assert.Equal(5_000_000_001, (await store.ReadAllAsync(5_000_000_000)).Events.Single().Sequence);
        Assert.Equal(5_000_000_000, await fresh.ScalarAsync<long>("select to_seq from extensible.gaps where from_seq = 1"));
    }
}
