using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed class concurrent_writers_lose_and_duplicate_nothing(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Writers = 16;
    private const int EventsPerWriter = 40;

    private static Task WritersAsync(Func<int, int, Task> append) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < EventsPerWriter; i++)
            {
                await append(w, i);
            }
        })));

    private static async Task AssertEveryEventOnceAsync(EventStore store, params string[] streams)
    {
        var mine = new List<StoredEvent>();
        foreach (var stream in streams)
        {
            mine.AddRange(await store.ReadStreamAsync(stream));
        }

        Assert.Equal(Writers * EventsPerWriter, mine.Count);
        Assert.Equal(mine.Count, mine.Select(e => e.Id).Distinct().Count());
        Assert.Equal(mine.Count, mine.Select(e => ((CommentReceived)e.Data).Author + "/" + ((CommentReceived)e.Data).Text).Distinct().Count());
        foreach (var stream in mine.GroupBy(e => e.StreamId))
        {
            // Versions in a stream are 1..n without holes or repeats, ascending with the store-wide sequence.
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.OrderBy(e => e.Sequence).Select(e => e.Version));
        }
    }

    [Fact]
    public async Task sixteen_writers_to_sixteen_streams()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);

        await WritersAsync((w, i) => node.Store.AppendAsync($"own-{w}", i, [new CommentReceived($"writer-{w}", $"{i}")]));

        await AssertEveryEventOnceAsync(node.Store, [.. Enumerable.Range(0, Writers).Select(w => $"own-{w}")]);
        for (var w = 0; w < Writers; w++)
        {
            Assert.Equal(EventsPerWriter, (await node.Store.GetStreamAsync($"own-{w}"))!.Version);
        }
    }

    [Fact]
    public async Task sixteen_writers_to_one_stream_at_any_version_and_at_expected_versions()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);

        await WritersAsync((w, i) => node.Store.AppendAsync("hot-any", ExpectedVersion.Any, [new CommentReceived($"writer-{w}", $"{i}")]));
        await WritersAsync(async (w, i) =>
        {
            // Read the version, append expecting it, and on losing the race read again.
            while (true)
            {
                var version = (await node.Store.GetStreamAsync("hot-expected"))?.Version ?? 0;
                try
                {
                    await node.Store.AppendAsync("hot-expected", version, [new CommentReceived($"writer-{w}", $"{i}")]);
                    return;
                }
                catch (StreamConcurrencyException e)
                {
                    Assert.Equal(version, e.ExpectedVersion);
                }
            }
        });

        await AssertEveryEventOnceAsync(node.Store, "hot-any");
        await AssertEveryEventOnceAsync(node.Store, "hot-expected");
        Assert.Equal(Writers * EventsPerWriter, (await node.Store.GetStreamAsync("hot-expected"))!.Version);
    }
}
