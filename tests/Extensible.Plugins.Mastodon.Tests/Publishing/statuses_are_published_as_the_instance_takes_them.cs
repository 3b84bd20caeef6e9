using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Publishing;

public sealed class statuses_are_published_as_the_instance_takes_them
{
    [Fact]
    public async Task media_are_uploaded_with_their_alt_text_and_waited_for_while_the_instance_processes_them()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        world.Instance.MediaProcessingPolls = 2;

        var post = await world.Connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "post-1",
            Content = new PostContent
            {
                Kind = ContentKinds.Carousel,
                Text = "Our new shop",
                Media = [MastodonWorld.Image("front.png", "The shop's front, with a green door"), MastodonWorld.Image("inside.png", null)],
                Options = new Dictionary<string, string> { ["visibility"] = "unlisted", ["spoiler_text"] = "Shop talk", ["language"] = "en", ["sensitive"] = "true" },
            },
        }, CancellationToken.None);

        var status = Assert.Single(world.Instance.Statuses);
        Assert.Equal(status.Id, post.PlatformPostId);
        Assert.Equal($"{world.Instance.Origin}/@brand/{status.Id}", post.Url!.AbsoluteUri);
        Assert.Equal(2, status.MediaIds.Count);
        Assert.Equal(["The shop's front, with a green door", null], world.Instance.Uploads.Select(u => u.Description));
        Assert.Equal(["front.png", "inside.png"], world.Instance.Uploads.Select(u => u.FileName));
        Assert.Equal(("unlisted", "Shop talk", "en", true), (status.Visibility, status.SpoilerText, status.Language, status.Sensitive));
    }

    [Fact]
    public async Task a_thread_is_posted_part_after_part_each_replying_to_the_one_before()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;

        var post = await world.Connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "thread-1",
            Content = new PostContent { Kind = ContentKinds.Thread, Text = "1/3 A story", ThreadParts = ["2/3 goes on", "3/3 and ends"], Media = [MastodonWorld.Image("a.png", "A")] },
        }, CancellationToken.None);

        var statuses = world.Instance.Statuses;
        Assert.Equal(["1/3 A story", "2/3 goes on", "3/3 and ends"], statuses.Select(s => s.Text));
        Assert.Equal([null, statuses[0].Id, statuses[1].Id], statuses.Select(s => s.InReplyToId));
        Assert.Equal(statuses[0].Id, post.PlatformPostId);
        Assert.Equal([statuses[1].Id, statuses[2].Id], post.ThreadPostIds);
        Assert.Single(statuses[0].MediaIds);
        Assert.Empty(statuses[1].MediaIds);
    }

    [Fact]
    public async Task a_retry_with_the_same_idempotency_key_answers_the_same_status_and_posts_no_second()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var thread = new PublishRequest
        {
            Account = account,
            IdempotencyKey = "post-7/account-1",
            Content = new PostContent { Kind = ContentKinds.Thread, Text = "Once", ThreadParts = ["only once"] },
        };

        var first = await world.Connector.PublishAsync(thread, CancellationToken.None);
        var retry = await world.Connector.PublishAsync(thread, CancellationToken.None);
        var other = await world.Connector.PublishAsync(MastodonWorld.Post(account, "post-8/account-1", "Once"), CancellationToken.None);

        Assert.Equal(first.PlatformPostId, retry.PlatformPostId);
        Assert.Equal(first.ThreadPostIds, retry.ThreadPostIds);
        Assert.NotEqual(first.PlatformPostId, other.PlatformPostId);
        Assert.Equal(3, world.Instance.Statuses.Count);
    }

    [Fact]
    public async Task a_poll_goes_out_with_its_options_duration_and_choice()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;

        await world.Connector.PublishAsync(MastodonWorld.Post(account, "poll", "Which colour?",
            new Dictionary<string, string> { ["poll_options"] = "Red | Green |Blue", ["poll_expires_in"] = "3 days", ["poll_multiple"] = "true" }), CancellationToken.None);

        var status = Assert.Single(world.Instance.Statuses);
        Assert.Equal(["Red", "Green", "Blue"], status.PollOptions);
        Assert.Equal(3 * 24 * 3600, status.PollExpiresIn);
        Assert.True(status.PollMultiple);
    }

    [Fact]
    public async Task what_the_instance_would_refuse_is_refused_before_anything_is_uploaded()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;

        var poll = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "both",
            Content = new PostContent
            {
                Kind = ContentKinds.Image, Text = "Vote", Media = [MastodonWorld.Image("a.png", "A")], Options = new Dictionary<string, string> { ["poll_options"] = "Yes|No" },
            },
        }, CancellationToken.None));
        var visibility = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(
            MastodonWorld.Post(account, "v", "Hi", new Dictionary<string, string> { ["visibility"] = "everyone" }), CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, poll.Failure);
        Assert.Contains("either media or a poll", poll.PlatformMessage, StringComparison.Ordinal);
        Assert.Equal(PlatformFailure.Rejected, visibility.Failure);
        Assert.Empty(world.Instance.Uploads);
        Assert.Empty(world.Instance.Statuses);
    }

    [Fact]
    public async Task the_instances_own_character_limit_is_the_one_that_counts()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var link = "https://example.org/" + new string('x', 200);

        // 600 characters: over Mastodon's usual 500, within this instance's 640. A long link counts 23.
        await world.Connector.PublishAsync(MastodonWorld.Post(account, "long", new string('a', 600)), CancellationToken.None);
        await world.Connector.PublishAsync(MastodonWorld.Post(account, "link", new string('b', 600) + " " + link), CancellationToken.None);
        var tooLong = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(MastodonWorld.Post(account, "too-long", new string('c', 641)), CancellationToken.None));

        var profile = world.Connector.ProfileFor(account);
        Assert.Equal(PlatformFailure.Rejected, tooLong.Failure);
        Assert.Equal((640, 500), (profile.Text.MaxLength, world.Connector.Profile.Text.MaxLength));
        Assert.Equal(4, profile.Media.MaxItems);
        Assert.Contains("641", tooLong.PlatformMessage, StringComparison.Ordinal);
        Assert.Contains("640", tooLong.PlatformMessage, StringComparison.Ordinal);
        Assert.Equal(2, world.Instance.Statuses.Count);
    }

    [Fact]
    public async Task a_validation_error_of_the_instance_reaches_people_in_its_own_words()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        // The instance lowered its limit after the account connected.
        world.Instance.MaxCharacters = 100;

        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(MastodonWorld.Post(account, "k", new string('a', 200)), CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal(422, refused.StatusCode);
        Assert.Equal("Validation failed: Text character limit of 100 exceeded", refused.PlatformMessage);
    }

    [Fact]
    public async Task a_deleted_status_is_gone_and_deleting_it_again_is_fine()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var post = await world.Connector.PublishAsync(MastodonWorld.Post(account, "d", "Oops"), CancellationToken.None);

        await world.Connector.DeletePostAsync(account, post.PlatformPostId, CancellationToken.None);
        await world.Connector.DeletePostAsync(account, post.PlatformPostId, CancellationToken.None);

        Assert.True(Assert.Single(world.Instance.Statuses).Deleted);
    }
}
