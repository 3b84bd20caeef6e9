using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Projections;

public sealed class inline_projections
{
    [Fact]
    public async Task are_visible_when_the_append_returns_and_fail_it_when_they_throw()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("inline"));
        var projection = new SeenProjection("inbox");
        var store = await stores.StoreAsync(o => o.Projections.Add(projection, ProjectionLifecycle.Inline));

        await store.AppendAsync("a", ExpectedVersion.NoStream, [new CommentReceived("a", "1"), new CommentReceived("a", "2")]);
        Assert.Equal(2, await stores.ScalarAsync<long>("select n from inbox_count"));

        projection.BeforeApply = _ => throw new InvalidOperationException("the read model refuses");
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("a", 2, [new CommentReceived("a", "3")]));
        Assert.Equal(2, (await store.ReadStreamAsync("a")).Count);
        Assert.Equal(2, await stores.ScalarAsync<long>("select n from inbox_count"));
    }

    [Fact]
    public async Task rebuild_from_zero_reporting_progress()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("inlinerebuild"));
        var store = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("inbox"), ProjectionLifecycle.Inline));
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync($"s{i}", ExpectedVersion.Any, [.. Enumerable.Range(0, 60).Select(n => (object)new CommentReceived("a", $"{n}"))]);
        }

        await stores.ExecuteAsync("delete from inbox_seen; update inbox_count set n = 7");
        var reports = new List<RebuildProgress>();
        await new ProjectionDaemon(store).RebuildAsync("inbox", new Progress(reports));

        Assert.Equal(300, await stores.ScalarAsync<long>("select n from inbox_count"));
        Assert.Equal(300, await stores.ScalarAsync<long>("select count(distinct seq) from inbox_seen"));
        Assert.True(reports.Count >= 3);
        Assert.Equal(300, reports[^1].Target);
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    private sealed class Progress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
