using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Publishing;

public sealed class publishing_refuses_what_the_network_would
{
    public static TheoryData<string> Refusals => ["too-long", "empty", "image-without-media", "text-with-media", "unsupported-type", "too-big", "one-part-thread"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task a_bad_post_is_rejected_with_the_networks_message_and_nothing_is_stored(string refusal)
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var content = refusal switch
        {
            "too-long" => new PostContent { Kind = ContentKinds.Text, Text = new string('x', SandboxProfile.MaxTextLength + 1) },
            "empty" => new PostContent { Kind = ContentKinds.Text, Text = "  " },
            "image-without-media" => new PostContent { Kind = ContentKinds.Image, Text = "Where is it?" },
            "text-with-media" => new PostContent { Kind = ContentKinds.Text, Text = "Hi", Media = [SandboxAccounts.Media("a.png", "image/png")] },
            "unsupported-type" => new PostContent { Kind = ContentKinds.Image, Text = "Hi", Media = [SandboxAccounts.Media("a.bmp", "image/bmp")] },
            "too-big" => new PostContent { Kind = ContentKinds.Image, Text = "Hi", Media = [SandboxAccounts.Media("a.png", "image/png", 50L * 1024 * 1024)] },
            _ => new PostContent { Kind = ContentKinds.Thread, Text = "1/1" },
        };

        var refused = await Assert.ThrowsAsync<PlatformException>(
            () => connector.PublishAsync(new PublishRequest { Account = account, IdempotencyKey = refusal, Content = content }, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.False(string.IsNullOrWhiteSpace(refused.PlatformMessage));
        Assert.Null(await connector.FindPublishedAsync(account, refusal, CancellationToken.None));
        Assert.Empty(harness.Events.Recorded);
    }

    [Fact]
    public async Task length_is_counted_in_graphemes_so_emoji_count_once()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var family = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", SandboxProfile.MaxTextLength));

        var post = await connector.PublishAsync(SandboxAccounts.TextPost(account, "emoji", family), CancellationToken.None);

        Assert.NotNull(post.PlatformPostId);
    }
}
