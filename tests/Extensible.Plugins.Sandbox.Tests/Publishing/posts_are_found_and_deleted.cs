using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Publishing;

public sealed class posts_are_found_and_deleted
{
    [Fact]
    public async Task a_post_is_found_by_its_idempotency_key_only_on_its_account()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var other = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var before = await connector.FindPublishedAsync(account, "in-doubt", CancellationToken.None);
        var published = await connector.PublishAsync(SandboxAccounts.TextPost(account, "in-doubt"), CancellationToken.None);
        var found = await connector.FindPublishedAsync(account, "in-doubt", CancellationToken.None);
        var elsewhere = await connector.FindPublishedAsync(other, "in-doubt", CancellationToken.None);

        Assert.Null(before);
        SamePost.Equal(published, found);
        Assert.Null(elsewhere);
    }

    [Fact]
    public async Task a_deleted_post_is_gone_from_lookup_and_metrics_and_deleting_again_is_harmless()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var post = await connector.PublishAsync(SandboxAccounts.TextPost(account, "take-down"), CancellationToken.None);

        await connector.DeletePostAsync(account, post.PlatformPostId, CancellationToken.None);
        await connector.DeletePostAsync(account, post.PlatformPostId, CancellationToken.None);

        Assert.Null(await connector.FindPublishedAsync(account, "take-down", CancellationToken.None));
        var metrics = await Assert.ThrowsAsync<PlatformException>(() => connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None));
        Assert.Equal(PlatformFailure.Rejected, metrics.Failure);
        Assert.Single(harness.Events.OfType("post_deleted"));
    }

    [Fact]
    public async Task deleting_an_unknown_post_or_another_accounts_post_is_refused()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var other = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var post = await connector.PublishAsync(SandboxAccounts.TextPost(account, "mine"), CancellationToken.None);

        var unknown = await Assert.ThrowsAsync<PlatformException>(() => connector.DeletePostAsync(account, "sbx-p-nothing", CancellationToken.None));
        var foreign = await Assert.ThrowsAsync<PlatformException>(() => connector.DeletePostAsync(other, post.PlatformPostId, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, unknown.Failure);
        Assert.Equal(PlatformFailure.Rejected, foreign.Failure);
        SamePost.Equal(post, await connector.FindPublishedAsync(account, "mine", CancellationToken.None));
    }
}
