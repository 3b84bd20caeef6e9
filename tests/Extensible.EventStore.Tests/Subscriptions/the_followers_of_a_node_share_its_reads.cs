using System.Collections.Concurrent;
using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Subscriptions;

// A node runs several followers of the log (the publisher, the plugins, the console's pushes): each event is read from
// the database and decoded once for all of them, and each still gets every event, in order, at its own pace.
public sealed class the_followers_of_a_node_share_its_reads(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task four_followers_one_of_them_slow_see_every_event_in_order_from_shared_pages()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        var seen = Enumerable.Range(0, 4).Select(_ => new ConcurrentQueue<long>()).ToArray();
        var handed = 0;
        var followers = new List<EventSubscription>();
        for (var i = 0; i < seen.Length; i++)
        {
            var mine = seen[i];
            var slow = i == 0;
            followers.Add(await EventSubscription.StartAsync(node.Store, async (events, cancellationToken) =>
            {
                Interlocked.Increment(ref handed);
                foreach (var e in events.Where(e => e.StreamId.EndsWith(id, StringComparison.Ordinal)))
                {
                    mine.Enqueue(e.Sequence);
                }

                if (slow)
                {
                    await Task.Delay(30, cancellationToken);
                }
            }));
        }

        try
        {
            var before = node.Store.Pages.PagesRead;
            var last = 0L;
            for (var i = 0; i < 40; i++)
            {
                var result = await node.Store.AppendAsync($"shared-{i}-{id}", ExpectedVersion.NoStream,
                    [.. Enumerable.Range(0, 5).Select(n => new CommentReceived($"c{i}-{n}", "shared"))]);
                last = result.LastSequence;
            }

            await Eventually.HoldsAsync(() => followers.All(f => f.Position >= last), "every follower reaches the last append");

            foreach (var mine in seen)
            {
                Assert.Equal(200, mine.Count);
                Assert.Equal(mine.Order(), mine);
            }

            // Read alone, each follower would have read each of its pages itself.
            var read = node.Store.Pages.PagesRead - before;
            Assert.True(read * 2 <= Volatile.Read(ref handed), $"{read} pages read from the database for {handed} handed to the followers");
        }
        finally
        {
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }
        }
    }
}
