using Extensible.Plugins.Storage;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Plugins.Tests.Storage;

/// <summary>A plugin's key-value writes made at the same moment are stored together; each caller reads its own write.</summary>
public sealed class plugin_store_writes_share_commits_and_fail_alone(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PluginsHost _host = null!;

    public async Task InitializeAsync() => _host = await PluginsHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private PluginStore StoreOf(string pluginId)
    {
        var dataSource = _host.Services.GetRequiredService<NpgsqlDataSource>();
        return new PluginStore(pluginId, dataSource, new PluginStoreWrites(dataSource));
    }

    [Fact]
    public async Task concurrent_sets_all_land_and_each_caller_reads_its_own_value()
    {
        var store = StoreOf("test.concurrent-" + Guid.NewGuid().ToString("N")[..8]);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            await store.SetAsync($"key-{i}", $"value-{i}");
            Assert.Equal($"value-{i}", await store.GetAsync($"key-{i}"));
        })));

        foreach (var i in new[] { 0, 150, 299 })
        {
            Assert.Equal($"value-{i}", await store.GetAsync($"key-{i}"));
        }
    }

    [Fact]
    public async Task one_key_set_many_times_at_once_keeps_one_of_the_values_and_later_sets_win()
    {
        var store = StoreOf("test.same-key-" + Guid.NewGuid().ToString("N")[..8]);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.SetAsync("counter", $"{i}")));
        Assert.Contains(await store.GetAsync("counter"), Enumerable.Range(0, 50).Select(i => $"{i}"));

        await store.SetAsync("counter", "last");
        Assert.Equal("last", await store.GetAsync("counter"));
    }

    [Fact]
    public async Task a_value_postgresql_refuses_fails_only_its_own_caller()
    {
        var store = StoreOf("test.bad-value-" + Guid.NewGuid().ToString("N")[..8]);

        // PostgreSQL's text cannot hold U+0000: that one write fails, the others written with it are stored.
        var writes = Enumerable.Range(0, 40).Select(i => store.SetAsync($"k{i}", i == 20 ? "bad\0value" : $"v{i}")).ToArray();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => writes[20]);
        foreach (var i in Enumerable.Range(0, 40).Where(i => i != 20))
        {
            await writes[i];
            Assert.Equal($"v{i}", await store.GetAsync($"k{i}"));
        }

        Assert.Null(await store.GetAsync("k20"));
    }
}
