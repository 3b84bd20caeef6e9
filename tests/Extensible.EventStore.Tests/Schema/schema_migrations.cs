using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Schema;

public sealed class schema_migrations
{
    [Fact]
    public async Task are_idempotent_under_concurrent_starts()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("migrate"));

        // Several nodes start at once on an empty database, then one starts again later.
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async)))));
        var again = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async));

        Assert.All(starts.Append(again), s => Assert.True(s.IsMigrated));
        Assert.Equal((long)Extensible.EventStore.Schema.SchemaMigrator.LatestVersion, await stores.ScalarAsync<long>("select count(*) from extensible.schema_migrations"));
        Assert.Equal(1L, await stores.ScalarAsync<long>("select count(*) from seen_count"));
        await again.AppendAsync("s", ExpectedVersion.NoStream, [new CommentReceived("a", "b")]);
        Assert.Equal(1L, await stores.ScalarAsync<long>("select count(*) from extensible.events"));
    }

    [Fact]
    public async Task a_store_in_another_schema_is_separate()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("schemas"));
        var first = await stores.StoreAsync();
        var second = await stores.StoreAsync(o => o.Schema = "tenant_two");

        await first.AppendAsync("s", ExpectedVersion.NoStream, [new CommentReceived("a", "b")]);

        Assert.Empty(await second.ReadStreamAsync("s"));
        Assert.Throws<InvalidOperationException>(() => Stores.Options(o => o.Schema = "bad; drop table x").Validate());
    }
}
