using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Subscriptions;

public sealed record CommentPinned(string By);

[JsonSerializable(typeof(CommentPinned))]
public sealed partial class PinnedJsonContext : JsonSerializerContext;

public sealed class an_unknown_alias_fails_only_its_event(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task the_follower_passes_it_over_and_reports_it()
    {
        // A newer node (or a plugin) writes a type this node has never heard of.
        await using var newer = await StoreNode.StartAsync(database.ConnectionString, configure: o => o.Events.Register("comment_pinned", PinnedJsonContext.Default.CommentPinned));
        await using var older = await StoreNode.StartAsync(database.ConnectionString);
        var seen = new ConcurrentQueue<StoredEvent>();
        await using var follower = await EventSubscription.StartAsync(older.Store, (events, _) =>
        {
            foreach (var e in events)
            {
                seen.Enqueue(e);
            }

            return Task.CompletedTask;
        });
        var stream = "comment-" + Guid.NewGuid();

        var stored = await newer.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("a", "before"), new CommentPinned("mod"), new CommentReceived("a", "after")]);

        await Eventually.HoldsAsync(() => follower.Position >= stored.LastSequence, "the older node's follower passes the batch");
        Assert.Equal(["before", "after"], seen.Select(e => ((CommentReceived)e.Data).Text));
        Assert.Contains(older.Logs.Entries, l => l.Id.Id == 1020 && l.Message.Contains(stream, StringComparison.Ordinal));
        var unreadable = await Assert.ThrowsAsync<EventDeserializationException>(() => older.Store.ReadStreamAsync(stream));
        Assert.Equal((stored.Events[1].Sequence, "comment_pinned"), (unreadable.Sequence, unreadable.Alias));
        Assert.Equal(3, (await newer.Store.ReadStreamAsync(stream)).Count);
    }
}
