using Extensible.Publishing.Posts;

namespace Extensible.Host.Tests.Publishing.Console;

// The composer saves as people type: the first save often has text and no account yet.
public sealed class a_draft_saved_before_any_account_is_picked_can_be_edited(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task then_its_accounts_are_added_and_it_is_scheduled()
    {
        var actor = await host.ComposerAsync();
        var account = await host.AccountForPostsAsync("@console-1");
        var id = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Launch day" }, []);

        await host.Posts.EditAsync(actor, id, new PostContentDraft { Text = "Launch day" }, [new PostTarget(account, new PostContentDraft { Text = "Launch day here" })]);

        var post = await host.Board.GetAsync(actor.WorkspaceId, id);
        Assert.Equal(account, Assert.Single(post!.Targets).AccountId);
        Assert.Equal("Launch day here", post.Targets[0].Variant?.Text);
    }
}
