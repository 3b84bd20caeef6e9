using Extensible.EventStore.Tests.Support;
using Extensible.Testing;
using Npgsql;

namespace Extensible.EventStore.Tests.Reading;

public sealed class reading_events(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly Stores _stores = new(database.ConnectionString);
    private EventStore _store = null!;

    public async Task InitializeAsync() => _store = await _stores.StoreAsync();

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task a_stream_reads_between_versions_and_folds_into_an_aggregate()
    {
        var stream = "comment-" + Guid.NewGuid();
        await _store.AppendAsync(stream, ExpectedVersion.NoStream,
            [new CommentReceived("ann", "hello"), new CommentHidden("spam"), new CommentReceived("ann", "edited")]);

        Assert.Equal([2L, 3L], (await _store.ReadStreamAsync(stream, fromVersion: 2)).Select(e => e.Version));
        Assert.Equal([1L, 2L], (await _store.ReadStreamAsync(stream, toVersion: 2)).Select(e => e.Version));

        var folded = await _store.AggregateAsync(stream, (Text: "", Hidden: false), (state, e) => e.Data switch
        {
            CommentReceived c => (c.Text, state.Hidden),
            CommentHidden => (state.Text, true),
            _ => state,
        });
        Assert.Equal(("edited", true), folded.State);
        Assert.Equal(3, folded.Version);
        Assert.Equal(0, (await _store.AggregateAsync("missing-" + Guid.NewGuid(), 0, (n, _) => n + 1)).Version);
    }

    [Fact]
    public async Task an_unreadable_event_is_reported_with_its_sequence_and_stream()
    {
        var stream = "comment-" + Guid.NewGuid();
        var stored = await _store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("ann", "hello"), new CommentReceived("bob", "hi")]);
        await _stores.ExecuteAsync($"update extensible.events set type = 'comment_vanished' where seq = {stored.Events[0].Sequence}");
        await _stores.ExecuteAsync($"update extensible.events set data = '{{\"Author\": 42}}' where seq = {stored.Events[1].Sequence}");

        var unknown = await Assert.ThrowsAsync<EventDeserializationException>(() => _store.ReadStreamAsync(stream, toVersion: 1));
        Assert.Equal(stored.Events[0].Sequence, unknown.Sequence);
        Assert.Equal(stream, unknown.StreamId);
        Assert.Contains("comment_vanished", unknown.Message, StringComparison.Ordinal);

        var malformed = await Assert.ThrowsAsync<EventDeserializationException>(() => _store.ReadStreamAsync(stream, fromVersion: 2));
        Assert.Equal(stored.Events[1].Sequence, malformed.Sequence);
        Assert.Contains(stream, malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task timestamps_are_utc_under_a_non_utc_session_time_zone()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timezone = "Pacific/Kiritimati" };
        var store = await _stores.StoreAsync(connection: builder.ConnectionString);
        var before = DateTimeOffset.UtcNow;

        var stored = await store.AppendAsync("tz-" + Guid.NewGuid(), ExpectedVersion.NoStream, [new CommentReceived("a", "b")]);
        var read = (await store.ReadStreamAsync(stored.Events[0].StreamId)).Single();

        Assert.Equal(TimeSpan.Zero, read.Timestamp.Offset);
        Assert.Equal(stored.Events[0].Timestamp, read.Timestamp);
        Assert.InRange(read.Timestamp, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("Pacific/Kiritimati", await ShowTimeZone(builder.ConnectionString));
    }

    private static async Task<string> ShowTimeZone(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("show timezone");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
