using Extensible.Sdk.Testing.Storage;

namespace Extensible.Sdk.Tests.Harness;

public sealed class the_harness_doubles
{
    [Fact]
    public async Task the_store_keeps_replaces_and_deletes_values_within_the_hosts_limits()
    {
        var store = new InMemoryPluginStore();

        await store.SetAsync("cursor", "1");
        await store.SetAsync("cursor", "2");

        Assert.Equal("2", await store.GetAsync("cursor"));
        Assert.True(await store.DeleteAsync("cursor"));
        Assert.False(await store.DeleteAsync("cursor"));
        Assert.Null(await store.GetAsync("cursor"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetAsync(new string('k', 201), "v"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetAsync("big", new string('v', InMemoryPluginStore.MaxValueLength + 1)));
        Assert.Empty(store.Values);
    }
}
