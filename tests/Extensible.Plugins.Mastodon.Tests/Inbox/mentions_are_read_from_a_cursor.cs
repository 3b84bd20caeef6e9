using System.Globalization;
using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Inbox;

public sealed class mentions_are_read_from_a_cursor
{
    [Fact]
    public async Task polls_from_a_cursor_bring_every_mention_once_oldest_first_across_pages()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var start = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);
        var brandPost = await world.Connector.PublishAsync(MastodonWorld.Post(account, "p", "Hello"), CancellationToken.None);

        var seen = new List<InboxItem>();
        var cursor = start.NextCursor;
        var written = 0;
        foreach (var batch in new[] { 95, 0, 230, 3 })
        {
            for (var i = 0; i < batch; i++, written++)
            {
                world.Instance.Mention(fan, string.Create(CultureInfo.InvariantCulture, $"<p>@brand number {written}</p>"));
                if (written % 10 == 0)
                {
                    world.Instance.Favourite(fan, brandPost.PlatformPostId);
                }
            }

            // A big batch takes more than one poll (at most five pages each); the cursor carries the rest.
            InboxPage page;
            do
            {
                page = await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
                seen.AddRange(page.Items);
                Assert.True(page.Items.Count <= 200, "A poll reads at most five pages of 40.");
                cursor = page.NextCursor;
            }
            while (page.Items.Count > 0);
        }

        Assert.Empty(start.Items);
        Assert.Equal(Enumerable.Range(0, written).Select(n => string.Create(CultureInfo.InvariantCulture, $"@brand number {n}")), seen.Select(i => i.Text));
        Assert.Equal(seen.Count, seen.Select(i => i.PlatformItemId).Distinct().Count());
        Assert.All(seen, item => Assert.Equal(InboxItemKind.Mention, item.Kind));
    }

    [Fact]
    public async Task replies_mentions_and_direct_messages_are_told_apart()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var post = await world.Connector.PublishAsync(MastodonWorld.Post(account, "p", "Hello"), CancellationToken.None);
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;

        var reply = world.Instance.Mention(fan, "<p>@brand nice post</p>", inReplyToId: post.PlatformPostId);
        world.Instance.Mention(fan, "<p>Have you seen @brand?</p>");
        world.Instance.Mention(fan, "<p>@brand my order number is 123</p>", visibility: "direct");
        world.Instance.Mention(fan, "<p>@brand spoilers</p>", spoilerText: "Film ending");
        var items = (await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None)).Items;

        Assert.Equal([InboxItemKind.Comment, InboxItemKind.Mention, InboxItemKind.DirectMessage, InboxItemKind.Mention], items.Select(i => i.Kind));
        Assert.Equal(reply.Id, items[0].PlatformItemId);
        Assert.Equal(post.PlatformPostId, items[0].PlatformPostId);
        Assert.Equal(post.PlatformPostId, items[0].ParentItemId);
        Assert.Null(items[1].PlatformPostId);
        Assert.Equal("@fan", items[0].Author.Handle);
        Assert.Equal(fan.Id, items[0].Author.PlatformUserId);
        Assert.Equal(42, items[0].Author.Followers);
        Assert.Equal("CW: Film ending\n\n@brand spoilers", items[3].Text);
    }

    [Fact]
    public async Task status_html_becomes_plain_text_and_hostile_text_stays_text()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var stranger = world.Instance.AddAccount("stranger", "<img src=x onerror=alert(1)>");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;

        world.Instance.Mention(stranger,
            "<p>Hi <span class=\"h-card\"><a href=\"https://fake/@brand\" class=\"u-url mention\">@<span>brand</span></a></span> "
            + "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p><p>line one<br />line two &#128512;</p><script>evil()</script><style>p{}</style>< not a tag");
        var item = Assert.Single((await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None)).Items);

        Assert.Equal("Hi @brand <script>alert(1)</script> &amp;\n\nline one\nline two 😀\n\n< not a tag", item.Text);
        Assert.Equal("<img src=x onerror=alert(1)>", item.Author.DisplayName);
    }

    [Theory]
    [InlineData("<p>a</p><p>b</p>", "a\n\nb")]
    [InlineData("<p>x<br>y<br/>z</p>", "x\ny\nz")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>ok", "ok")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>")]
    [InlineData("tab\there\u0007bell", "tab\therebell")]
    [InlineData("", "")]
    public void html_is_made_plain(string html, string text) => Assert.Equal(text, Extensible.Plugins.Mastodon.Inbox.StatusText.Plain(html));
}
