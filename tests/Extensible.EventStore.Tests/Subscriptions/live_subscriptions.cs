using System.Collections.Concurrent;
using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Subscriptions;

public sealed class live_subscriptions(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task deliver_in_order_from_now_and_again_after_a_handler_failure()
    {
        await using var stores = new Stores(database.ConnectionString);
        var store = await stores.StoreAsync();
        await store.AppendAsync("old", ExpectedVersion.Any, [new CommentReceived("before", "subscribing")]);

        var seen = new ConcurrentQueue<long>();
        var failOnce = 1;
        await using var subscription = await EventSubscription.StartAsync(store, (events, _) =>
        {
            if (events.Any(e => e.Version == 3) && Interlocked.Exchange(ref failOnce, 0) == 1)
            {
                throw new InvalidOperationException("a consumer hiccup");
            }

            foreach (var e in events)
            {
                seen.Enqueue(e.Sequence);
            }

            return Task.CompletedTask;
        });

        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("live", ExpectedVersion.Any, [new CommentReceived("fan", $"{i}")]);
        }

        await Eventually.HoldsAsync(() => subscription.Position == 6, "the subscription reaches the last event");
        var delivered = seen.ToArray();
        Assert.Equal(delivered.Order(), delivered);
        Assert.Equal([2L, 3L, 4L, 5L, 6L], delivered.Distinct());
        Assert.Equal(0, failOnce);
    }
}
