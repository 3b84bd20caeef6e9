using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class a_moderator_answers_with_a_saved_reply_and_likes_the_comment(InboxConsole console) : IClassFixture<InboxConsole>
{
    [Fact]
    public async Task the_saved_reply_is_filled_with_the_authors_name_at_the_caret_of_a_half_typed_reply_sent_and_the_comment_is_marked_liked()
    {
        await using var sam = await console.ModeratorTabAsync();

        // Sam saves a reply with variables on the saved replies page.
        await sam.OpenAsync("/inbox/saved-replies");
        var create = sam.Main.Locator("form[data-saved-reply-form='new']");
        await create.GetByLabel("Name").FillAsync("Thanks for writing");
        await create.GetByLabel("Shortcut (optional)").FillAsync("thanks");
        await create.GetByLabel("Text").FillAsync("thanks for writing, {author.name}. {me.name} will look into it.");
        await create.GetByRole(AriaRole.Button, new() { Name = "Save reply" }).ClickAsync();
        await Expect(sam.Main.Locator("[data-saved-reply='Thanks for writing']")).ToContainTextAsync("{author.name}");

        // A comment arrives; Sam starts a reply, then inserts the saved one from the keyboard where his cursor is.
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "My parcel never came.", "@grace", "Grace <b>Hopper</b>"));
        await sam.OpenAsync($"/inbox?thread={console.ThreadOf(post):N}");
        var box = sam.Page.GetByLabel("Reply", new() { Exact = true });
        await box.PressSequentiallyAsync("Hello and ");
        await sam.Page.Keyboard.PressAsync("Control+Slash");
        var filter = sam.Page.GetByLabel("Find a saved reply");
        await Expect(filter).ToBeFocusedAsync();
        await filter.PressSequentiallyAsync("thank");
        await filter.PressAsync("ArrowDown");
        await Expect(sam.Page.Locator(".saved-reply-choice").First).ToBeFocusedAsync();
        await sam.Page.Keyboard.PressAsync("Enter");

        const string Filled = "Hello and thanks for writing, Grace <b>Hopper</b>. Sam Moderator will look into it.";
        await Expect(box).ToHaveValueAsync(Filled);
        await Expect(box).ToBeFocusedAsync();
        await Expect(sam.Page.Locator("[data-saved-reply-picker]")).ToHaveCountAsync(0);

        // It goes out as typed (the stranger's markup is text), and the box empties.
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var reply = sam.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']");
        await Expect(reply).ToHaveAttributeAsync("data-reply-status", "sent");
        await Expect(reply.Locator(".inbox-item-text")).ToHaveTextAsync(Filled);
        await Expect(box).ToHaveValueAsync(string.Empty);

        // Sam likes the comment: it is marked liked, and the button takes the like back.
        var comment = sam.Page.Locator("#inbox-thread .inbox-items > li[data-direction='in']");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true }).ClickAsync();
        await Expect(comment.Locator("[data-flag='liked']")).ToHaveTextAsync("Liked");
        await Expect(comment.GetByRole(AriaRole.Button, new() { Name = "Unlike", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // The keys are in the shortcuts list.
        await box.BlurAsync();
        await sam.Page.Keyboard.PressAsync("?");
        var shortcuts = sam.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(shortcuts).ToContainTextAsync("In the reply: open the saved replies");
        await Expect(shortcuts).ToContainTextAsync("In the saved replies: close them and go back to the reply");

        sam.AssertNothingWentWrong();
    }
}
