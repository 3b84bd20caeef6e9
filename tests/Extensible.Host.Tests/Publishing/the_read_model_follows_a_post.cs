using Extensible.EventStore;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Sdk.Connectors;

namespace Extensible.Host.Tests.Publishing;

public sealed class the_read_model_follows_a_post(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task each_target_keeps_its_own_status_from_draft_to_published_or_failed()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (postId, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var due = DateTimeOffset.UtcNow.AddHours(1);
        var meta = new EventMetadata { Tenant = workspaceId.ToString(), User = PublishingHost.OwnerEmail };
        var stream = PublishingStreams.Post(postId);

        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream,
        [
            new PostDrafted(postId, workspaceId, new PostContentDraft { Text = "Hello" }, [new PostTarget(first, null), new PostTarget(second, new PostContentDraft { Text = "Hi" })], ownerId),
            new PostScheduled(postId, workspaceId, due, "Europe/Paris", "2026-12-03T16:00", false, ownerId),
        ], meta);
        Assert.Equal(2L, await host.ScalarAsync<long>("select count(*) from publishing_targets where post_id = $1 and status = 'scheduled' and due_at = $2", postId, due));

        await host.Store.AppendAsync(stream, 2,
        [
            new TargetPublishStarted(postId, workspaceId, first, "key-1", 1, "node-a"),
            new TargetPublishStarted(postId, workspaceId, second, "key-2", 1, "node-a"),
            new TargetPublished(postId, workspaceId, first, "p1", "https://example.invalid/p1", [], null, null),
            new TargetFailed(postId, workspaceId, second, PlatformFailure.Rejected, "refused", "Too long", 422, 1, null),
        ], meta);

        Assert.Equal("published", await host.ScalarAsync<string>("select status from publishing_targets where post_id = $1 and account_id = $2", postId, first));
        Assert.Equal("failed", await host.ScalarAsync<string>("select status from publishing_targets where post_id = $1 and account_id = $2", postId, second));
        Assert.Equal("Too long", await host.ScalarAsync<string>("select platform_message from publishing_targets where post_id = $1 and account_id = $2", postId, second));
        Assert.Equal(6L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", postId));
    }

    [Fact]
    public async Task the_posts_version_is_its_streams_also_after_appends_at_any_version()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (postId, account) = (Guid.NewGuid(), Guid.NewGuid());
        var meta = new EventMetadata { Tenant = workspaceId.ToString(), User = PublishingHost.OwnerEmail };
        var stream = PublishingStreams.Post(postId);
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            [new PostDrafted(postId, workspaceId, new PostContentDraft { Text = "Hello" }, [new PostTarget(account, null)], ownerId)], meta);

        // The publisher appends at any version; the console and the API then offer the read model's version to edits.
        await host.Store.AppendAsync(stream, ExpectedVersion.Any, [new TargetPublishStarted(postId, workspaceId, account, "key-1", 1, "node-a")], meta);
        await host.Store.AppendAsync(stream, ExpectedVersion.Any,
            [new TargetFailed(postId, workspaceId, account, PlatformFailure.Rejected, "refused", "Too long", 422, 1, null), new TargetRetried(postId, workspaceId, account, ownerId)], meta);

        Assert.Equal(4L, (await host.Store.GetStreamAsync(stream, workspaceId.ToString()))!.Version);
        Assert.Equal(4L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", postId));
    }
}
