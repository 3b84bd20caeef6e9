using System.Text.Json;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;

namespace Extensible.Plugins.Sandbox.Tests.Publishing;

// The sandbox remembers each account's recent posts (generated comments answer them). Posts published at the same moment
// change that list together, one write for all that waited: none may be lost, and it keeps only the newest.
public sealed class a_burst_of_posts_keeps_every_recent_one
{
    [Fact]
    public async Task posts_published_at_once_all_land_in_the_accounts_list_which_keeps_the_newest_25()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => connector.PublishAsync(SandboxAccounts.TextPost(account, $"burst-{i}"), CancellationToken.None)));
        var listed = Listed(harness);
        Assert.Equal(first.Select(p => p.PlatformPostId).Order(), listed.Order());

        var second = await Task.WhenAll(Enumerable.Range(20, 20).Select(i => connector.PublishAsync(SandboxAccounts.TextPost(account, $"burst-{i}"), CancellationToken.None)));
        listed = Listed(harness);
        Assert.Equal(25, listed.Count);
        Assert.Subset(first.Concat(second).Select(p => p.PlatformPostId).ToHashSet(), listed.ToHashSet());
        Assert.Subset(listed.ToHashSet(), second.Select(p => p.PlatformPostId).ToHashSet());
    }

    private static List<string> Listed(Extensible.Sdk.Testing.PluginHarness harness)
    {
        var list = Assert.Single(harness.Store.Values, v => v.Key.EndsWith(":posts", StringComparison.Ordinal)).Value;
        using var json = JsonDocument.Parse(list);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("postId").GetString()!)];
    }
}
