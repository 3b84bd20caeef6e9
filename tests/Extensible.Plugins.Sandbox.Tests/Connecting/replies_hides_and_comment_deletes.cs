using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Connecting;

public sealed class replies_hides_and_comment_deletes
{
    [Fact]
    public async Task a_reply_gets_an_id_and_an_empty_or_too_long_reply_is_rejected()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var item = new InboxItemReference("sbx-a1-i0", InboxItemKind.DirectMessage, "dm-1");

        var id = await connector.ReplyAsync(account, item, "Thanks for writing!", CancellationToken.None);
        var empty = await Assert.ThrowsAsync<PlatformException>(() => connector.ReplyAsync(account, item, " ", CancellationToken.None));
        var tooLong = await Assert.ThrowsAsync<PlatformException>(() => connector.ReplyAsync(account, item, new string('a', 1001), CancellationToken.None));

        Assert.StartsWith("sbx-r", id, StringComparison.Ordinal);
        Assert.Equal(PlatformFailure.Rejected, empty.Failure);
        Assert.Equal(PlatformFailure.Rejected, tooLong.Failure);
    }

    [Fact]
    public async Task the_accounts_own_reply_is_deleted_as_a_post_and_another_accounts_is_not()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var other = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var item = new InboxItemReference("sbx-a1-i5", InboxItemKind.Comment, "sbx-p1");
        var id = await connector.ReplyAsync(account, item, "We will look into it.", CancellationToken.None);

        var notTheirs = await Assert.ThrowsAsync<PlatformException>(() => connector.DeletePostAsync(other, id, CancellationToken.None));
        Assert.DoesNotContain("deletedAt", harness.Store.Values[$"reply:{id}"], StringComparison.Ordinal);
        await connector.DeletePostAsync(account, id, CancellationToken.None);
        await connector.DeletePostAsync(account, id, CancellationToken.None);

        Assert.Equal(PlatformFailure.Rejected, notTheirs.Failure);
        Assert.Contains("\"deletedAt\"", harness.Store.Values[$"reply:{id}"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task comments_can_be_hidden_shown_and_deleted_but_direct_messages_cannot()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var comment = new InboxItemReference("sbx-a1-i1", InboxItemKind.Comment, "sbx-p1");
        var message = new InboxItemReference("sbx-a1-i2", InboxItemKind.DirectMessage, "dm-1");

        await connector.SetHiddenAsync(account, comment, true, CancellationToken.None);
        Assert.Equal("true", harness.Store.Values["item:sbx-a1-i1:hidden"]);
        await connector.SetHiddenAsync(account, comment, false, CancellationToken.None);
        Assert.Equal("false", harness.Store.Values["item:sbx-a1-i1:hidden"]);
        await connector.DeleteCommentAsync(account, comment, CancellationToken.None);

        var hide = await Assert.ThrowsAsync<PlatformException>(() => connector.SetHiddenAsync(account, message, true, CancellationToken.None));
        var delete = await Assert.ThrowsAsync<PlatformException>(() => connector.DeleteCommentAsync(account, message, CancellationToken.None));
        Assert.Equal(PlatformFailure.Rejected, hide.Failure);
        Assert.Equal(PlatformFailure.Rejected, delete.Failure);
        Assert.True(harness.Store.Values.ContainsKey("item:sbx-a1-i1:deleted"));
    }

    [Fact]
    public async Task likes_are_counted_as_the_network_received_them_and_direct_messages_cannot_be_liked()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var comment = new InboxItemReference("sbx-a1-i3", InboxItemKind.Comment, "sbx-p1");
        var message = new InboxItemReference("sbx-a1-i4", InboxItemKind.DirectMessage, "dm-1");

        await connector.SetLikedAsync(account, comment, true, CancellationToken.None);
        Assert.Contains("\"liked\":true", harness.Store.Values[$"like:{account.PlatformAccountId}:sbx-a1-i3"], StringComparison.Ordinal);
        await connector.SetLikedAsync(account, comment, false, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<PlatformException>(() => connector.SetLikedAsync(account, message, true, CancellationToken.None));

        var stored = harness.Store.Values[$"like:{account.PlatformAccountId}:sbx-a1-i3"];
        Assert.Contains("\"liked\":false", stored, StringComparison.Ordinal);
        Assert.Contains("\"calls\":2", stored, StringComparison.Ordinal);
        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal("Direct messages cannot be liked on the sandbox.", refused.PlatformMessage);
        Assert.DoesNotContain(harness.Store.Values.Keys, k => k.EndsWith(":sbx-a1-i4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task item_ids_from_outside_never_make_store_keys_too_long()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var hostile = new InboxItemReference(new string('x', 500) + ":<script>", InboxItemKind.Comment, null);

        await connector.SetHiddenAsync(account, hostile, true, CancellationToken.None);

        Assert.All(harness.Store.Values.Keys, key => Assert.True(key.Length <= 200));
    }
}
