using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class sixteen_concurrent_writers(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task lose_no_event_and_never_duplicate_one()
    {
        await using var stores = new Stores(database.ConnectionString);
        var store = await stores.StoreAsync();
        const int writers = 16, eventsPerWriter = 60;
        string[] shared = ["hot-1", "hot-2", "hot-3"];

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < eventsPerWriter; i++)
            {
                var e = NewEvent.For(new CommentReceived($"writer-{w}", $"{i}"));
                if (i % 2 == 0)
                {
                    await store.AppendAsync([new StreamAppend($"own-{w}", i / 2, [e])]);
                    continue;
                }

                // Contended streams: read the version, append expecting it, retry on losing.
                var stream = shared[(w + i) % shared.Length];
                while (true)
                {
                    var version = (await store.GetStreamAsync(stream))?.Version ?? 0;
                    try
                    {
                        await store.AppendAsync([new StreamAppend(stream, version, [e])]);
                        break;
                    }
                    catch (StreamConcurrencyException)
                    {
                    }
                }
            }
        })));

        var all = new List<StoredEvent>();
        long after = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(after, 500);
            if (page.Events.Count == 0)
            {
                break;
            }

            all.AddRange(page.Events);
            after = page.Events[^1].Sequence;
        }

        Assert.Equal(writers * eventsPerWriter, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
        foreach (var stream in all.GroupBy(e => e.StreamId))
        {
            // Versions in a stream are 1..n without holes, and ascend with the sequence.
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.OrderBy(e => e.Sequence).Select(e => e.Version));
        }

        Assert.Equal(writers * eventsPerWriter, all.Select(e => ((CommentReceived)e.Data).Author + "/" + ((CommentReceived)e.Data).Text).Distinct().Count());
        // Losers burn no sequence numbers: nothing rolled back, so there is no hole.
        Assert.Equal(all.Count, all[^1].Sequence);
    }
}
