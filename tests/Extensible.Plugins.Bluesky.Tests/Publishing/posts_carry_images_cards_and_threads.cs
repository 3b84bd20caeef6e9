using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Publishing;

public sealed class posts_carry_images_cards_and_threads
{
    [Fact]
    public async Task images_are_uploaded_as_blobs_with_alt_text_and_their_aspect_ratio()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "img", "Our new shop https://example.com/shop",
            Images.Attachment("a.png", "image/png", Images.Png(640, 480), "The shop front at dusk"),
            Images.Attachment("b.jpg", "image/jpeg", Images.Jpeg(1200, 800), null)), CancellationToken.None);

        var embed = world.Pds.Records("app.bsky.feed.post").Single().Value["embed"]!;
        Assert.Equal("app.bsky.embed.images", embed["$type"]!.GetValue<string>());
        var images = embed["images"]!.AsArray();
        Assert.Equal(["The shop front at dusk", ""], images.Select(i => i!["alt"]!.GetValue<string>()));
        Assert.Equal([(640, 480), (1200, 800)], images.Select(i => (i!["aspectRatio"]!["width"]!.GetValue<int>(), i["aspectRatio"]!["height"]!.GetValue<int>())));
        Assert.Equal(["image/png", "image/jpeg"], images.Select(i => i!["image"]!["mimeType"]!.GetValue<string>()));
        var uploads = world.Pds.Calls.Where(c => c.Nsid == "com.atproto.repo.uploadBlob").ToList();
        Assert.Equal(["image/png", "image/jpeg"], uploads.Select(u => u.ContentType));
        Assert.Equal(Images.Png(640, 480), uploads[0].Body);
        Assert.Equal($"https://bsky.app/profile/brand.test/post/{post.PlatformPostId.Split('/')[^1]}", post.Url!.AbsoluteUri);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task more_than_four_images_or_a_video_are_refused_before_anything_is_uploaded()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var png = Images.Attachment("a.png", "image/png", Images.Png(10, 10), "x");

        var five = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(BlueskyWorld.Post(account, "five", "Five", png, png, png, png, png), CancellationToken.None));
        var video = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(BlueskyWorld.Post(account, "video", "Video", Images.Attachment("v.mp4", "video/mp4", new byte[100], null)), CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, five.Failure);
        Assert.Equal(PlatformFailure.Rejected, video.Failure);
        Assert.DoesNotContain(world.Pds.Calls, c => c.Nsid is "com.atproto.repo.uploadBlob" or "com.atproto.repo.createRecord");
    }

    [Fact]
    public async Task a_post_with_a_link_and_no_image_gets_a_card_for_its_first_link()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        await world.Connector.PublishAsync(BlueskyWorld.Post(account, "card", "Read https://example.com/news/1 and https://example.org"), CancellationToken.None);

        var embed = world.Pds.Records("app.bsky.feed.post").Single().Value["embed"]!;
        Assert.Equal("app.bsky.embed.external", embed["$type"]!.GetValue<string>());
        Assert.Equal("https://example.com/news/1", embed["external"]!["uri"]!.GetValue<string>());
        Assert.Equal("example.com/news/1", embed["external"]!["title"]!.GetValue<string>());
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_thread_replies_to_its_root_and_each_part_to_the_one_before()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var thread = await world.Connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "thread",
            Content = new PostContent { Kind = ContentKinds.Thread, Text = "1/3", ThreadParts = ["2/3", "3/3"] },
        }, CancellationToken.None);

        var posts = world.Pds.Records("app.bsky.feed.post");
        Assert.Equal(["1/3", "2/3", "3/3"], posts.Select(p => p.Value["text"]!.GetValue<string>()));
        Assert.Equal(posts[0].Uri, thread.PlatformPostId);
        Assert.Equal([posts[1].Uri, posts[2].Uri], thread.ThreadPostIds);
        Assert.Null(posts[0].Value["reply"]);
        foreach (var (part, parent) in new[] { (posts[1], posts[0]), (posts[2], posts[1]) })
        {
            var reply = part.Value["reply"]!;
            Assert.Equal((posts[0].Uri, posts[0].Cid), (reply["root"]!["uri"]!.GetValue<string>(), reply["root"]!["cid"]!.GetValue<string>()));
            Assert.Equal((parent.Uri, parent.Cid), (reply["parent"]!["uri"]!.GetValue<string>(), reply["parent"]!["cid"]!.GetValue<string>()));
        }

        world.Pds.AssertNoViolations();
    }
}
