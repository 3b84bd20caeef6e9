using Extensible.Browser.Tests.Support;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Connectors;

/// <summary>
/// What an operator with a real Bluesky account does, against the fake PDS: the account connected, a post published to
/// it, a stranger's reply polled into the live inbox (on our post's thread, as text) and answered from the console.
/// </summary>
public sealed class a_bluesky_account_is_published_to_and_moderated_in_the_live_inbox(BlueskyConsole console) : IClassFixture<BlueskyConsole>
{
    private const string PostText = "Our café opens at 8 ☕ #coffee";

    [Fact]
    public async Task a_post_goes_out_a_stranger_replies_and_the_moderator_answers_from_the_inbox()
    {
        var owner = (await console.Directory.FindUserByEmailAsync(OwnedConsole.OwnerEmail))!;
        var accountId = await console.Host.Services.GetRequiredService<AccountService>().ConnectWithFieldsAsync(
            console.WorkspaceId, "extensible.bluesky", "bluesky",
            new Dictionary<string, string> { ["handle"] = BlueskyConsole.Handle, ["app_password"] = BlueskyConsole.AppPassword, ["pds"] = console.Pds.Address.AbsoluteUri },
            OwnedConsole.OwnerEmail, owner.Id, CancellationToken.None);
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");
        await Expect(olive.LiveState).ToHaveAttributeAsync("data-state", "live");

        // The post goes out to the PDS.
        var actor = new PublishingActor(console.WorkspaceId, owner.Id, owner.Email);
        var posts = console.Host.Services.GetRequiredService<PostService>();
        var postId = await posts.DraftAsync(actor, new PostContentDraft { Text = PostText }, [new PostTarget(accountId, null)]);
        await posts.PublishNowAsync(actor, postId);
        await Eventually.HoldsAsync(() => console.Pds.Records("app.bsky.feed.post").Any(r => r.Value["text"]?.GetValue<string>() == PostText), "the post reaches the PDS");
        var ours = console.Pds.Records("app.bsky.feed.post").Single(r => r.Value["text"]?.GetValue<string>() == PostText);

        // A stranger replies; the poller brings it into the open inbox without a reload, its markup as text.
        var stranger = console.Pds.CreateAccount("stranger.test", "aaaa-bbbb-cccc-dddd", "Stranger");
        var reply = console.Pds.Notify(ours.Repo, "reply", stranger, "Do you have oat milk? <b>please</b>", replyTo: ours);
        var row = olive.Main.Locator("[id^='inbox-row-']", new() { HasText = "Do you have oat milk?" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await row.Locator(".inbox-row-link").ClickAsync();
        var item = olive.Page.Locator("#inbox-thread .inbox-items > li[data-direction='in']");
        await Expect(item.Locator(".inbox-item-text")).ToHaveTextAsync("Do you have oat milk? <b>please</b>");

        // The moderator answers from the console: the reply is a post on the PDS, in reply to the stranger, in our thread.
        await olive.Page.GetByLabel("Reply", new() { Exact = true }).FillAsync("Yes, oat and almond!");
        await olive.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(olive.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']")).ToHaveAttributeAsync("data-reply-status", "sent");
        var answer = console.Pds.Records("app.bsky.feed.post").Single(r => r.Value["text"]?.GetValue<string>() == "Yes, oat and almond!");
        Assert.Equal(reply.Uri, answer.Value["reply"]!["parent"]!["uri"]!.GetValue<string>());
        Assert.Equal(ours.Uri, answer.Value["reply"]!["root"]!["uri"]!.GetValue<string>());
        console.Pds.AssertNoViolations();
        olive.AssertNothingWentWrong();
    }
}
