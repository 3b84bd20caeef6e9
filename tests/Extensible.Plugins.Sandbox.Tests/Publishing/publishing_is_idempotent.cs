using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Publishing;

public sealed class publishing_is_idempotent
{
    [Fact]
    public async Task a_retry_with_the_same_key_returns_the_same_post_and_publishes_once()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var first = await connector.PublishAsync(SandboxAccounts.TextPost(account, "post-1/account-1"), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var retry = await connector.PublishAsync(SandboxAccounts.TextPost(account, "post-1/account-1"), CancellationToken.None);
        var other = await connector.PublishAsync(SandboxAccounts.TextPost(account, "post-2/account-1"), CancellationToken.None);

        SamePost.Equal(first, retry);
        Assert.NotEqual(first.PlatformPostId, other.PlatformPostId);
        Assert.Equal(2, harness.Events.OfType("post_published").Count);
        Assert.Equal("sandbox.extensible.invalid", first.Url!.Host);
    }

    [Fact]
    public async Task the_same_key_on_another_account_is_another_post()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var one = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var two = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var a = await connector.PublishAsync(SandboxAccounts.TextPost(one, "same-key"), CancellationToken.None);
        var b = await connector.PublishAsync(SandboxAccounts.TextPost(two, "same-key"), CancellationToken.None);

        Assert.NotEqual(a.PlatformPostId, b.PlatformPostId);
    }

    [Fact]
    public async Task threads_and_first_comments_get_ids_of_their_own()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var thread = await connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "thread",
            Content = new PostContent { Kind = ContentKinds.Thread, Text = "1/3", ThreadParts = ["2/3", "3/3"], FirstComment = "#sandbox" },
        }, CancellationToken.None);

        Assert.Equal(2, thread.ThreadPostIds.Count);
        Assert.Equal(3, thread.ThreadPostIds.Append(thread.PlatformPostId).Distinct().Count());
        Assert.NotNull(thread.FirstCommentId);
    }

    [Fact]
    public async Task media_posts_of_every_kind_are_taken()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var image = SandboxAccounts.Media("a.png", "image/png");
        var video = SandboxAccounts.Media("b.mp4", "video/mp4");

        foreach (var (kind, media) in new[]
        {
            (ContentKinds.Image, new[] { image }),
            (ContentKinds.Video, new[] { video }),
            (ContentKinds.Carousel, new[] { image, video, image }),
        })
        {
            var post = await connector.PublishAsync(new PublishRequest
            {
                Account = account,
                IdempotencyKey = kind.ToString(),
                Content = new PostContent { Kind = kind, Text = "Look", Media = media },
            }, CancellationToken.None);
            Assert.StartsWith("sbx-p", post.PlatformPostId, StringComparison.Ordinal);
        }
    }
}
