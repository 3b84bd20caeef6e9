using System.Globalization;
using System.Text.Json;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Storage;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Publishing;

/// <summary>
/// "Publishes" posts by remembering them in the plugin store under an id that follows from the account and the idempotency
/// key, so a retry gets the same post back and a lookup after a crash finds it.
/// </summary>
internal sealed class SandboxPublisher
{
    /// <summary>How many recent posts per account generated comments choose from.</summary>
    private const int RememberedPosts = 25;

    private readonly IPluginContext _context;
    private readonly CoalescedChanges<Action<List<SandboxPostEntry>>> _accountPosts;

    public SandboxPublisher(IPluginContext context)
    {
        _context = context;
        _accountPosts = new(ChangeListAsync);
    }

    public async Task<PublishedPost> PublishAsync(PublishRequest request, bool acceptThenFail, CancellationToken cancellationToken)
    {
        var accountId = request.Account.PlatformAccountId;
        var existing = await FindAsync(accountId, request.IdempotencyKey, includeDeleted: true, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            _context.Logger.PublishReplayed(existing.PostId);
            return ToPublished(existing);
        }

        Check(request);
        var now = _context.Time.GetUtcNow();
        var postId = PostIdFor(accountId, request.IdempotencyKey);
        var content = request.Content;
        var post = new SandboxPost
        {
            PostId = postId,
            AccountId = accountId,
            IdempotencyKey = request.IdempotencyKey,
            Kind = content.Kind.ToString(),
            Text = content.Text,
            MediaCount = content.Media.Count,
            HasVideo = content.Media.Any(m => m.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)),
            ThreadPostIds = [.. content.ThreadParts.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"{postId}-t{i + 1}"))],
            FirstCommentId = string.IsNullOrWhiteSpace(content.FirstComment) ? null : postId + "-c",
            PublishedAt = now,
        };

        // Three writes that do not depend on each other, at once: each waits for a commit it shares with other calls
        // (the host groups them), and one after the other they made every call wait three commits.
        await Task.WhenAll(
            SaveAsync(post, cancellationToken),
            RememberAsync(accountId, list => list.Add(new SandboxPostEntry(postId, now)), cancellationToken),
            _context.Events.RecordAsync("post_published", Json(new() { ["postId"] = postId, ["accountId"] = accountId }), cancellationToken))
            .ConfigureAwait(false);
        _context.Logger.PostPublished(postId, accountId);
        if (acceptThenFail)
        {
            // The network accepted the post but the answer never arrived: the host's retry or lookup must find it.
            throw new PlatformException(PlatformFailure.Retryable, "Sandbox (simulated failure): the connection dropped after the post was accepted.")
            {
                StatusCode = 504,
            };
        }

        return ToPublished(post);
    }

    public async Task<PublishedPost?> FindPublishedAsync(AccountCredentials account, string idempotencyKey, CancellationToken cancellationToken)
    {
        var post = await FindAsync(account.PlatformAccountId, idempotencyKey, includeDeleted: false, cancellationToken).ConfigureAwait(false);
        return post is null ? null : ToPublished(post);
    }

    public async Task DeleteAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var post = await LoadAsync(account.PlatformAccountId, platformPostId, cancellationToken).ConfigureAwait(false);
        if (post.DeletedAt is not null)
        {
            return;
        }

        await SaveAsync(post with { DeletedAt = _context.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await RememberAsync(post.AccountId, list => list.RemoveAll(p => p.PostId == post.PostId), cancellationToken).ConfigureAwait(false);
        await _context.Events.RecordAsync("post_deleted", Json(new() { ["postId"] = post.PostId, ["accountId"] = post.AccountId }), cancellationToken)
            .ConfigureAwait(false);
        _context.Logger.PostDeleted(post.PostId);
    }

    /// <summary>A live post of the account, or a rejection like a real network's 404.</summary>
    public async Task<SandboxPost> LoadAsync(string accountId, string platformPostId, CancellationToken cancellationToken)
    {
        var json = await _context.Store.GetAsync(SandboxStoreKeys.Post(platformPostId), cancellationToken).ConfigureAwait(false);
        var post = json is null ? null : JsonSerializer.Deserialize(json, SandboxJson.Default.SandboxPost);
        return post is not null && post.AccountId == accountId
            ? post
            : throw new PlatformException(PlatformFailure.Rejected, "The network refused: Sandbox has no such post.")
            {
                PlatformMessage = "Sandbox has no such post.",
                StatusCode = 404,
            };
    }

    private async Task<SandboxPost?> FindAsync(string accountId, string idempotencyKey, bool includeDeleted, CancellationToken cancellationToken)
    {
        var json = await _context.Store.GetAsync(SandboxStoreKeys.Post(PostIdFor(accountId, idempotencyKey)), cancellationToken).ConfigureAwait(false);
        var post = json is null ? null : JsonSerializer.Deserialize(json, SandboxJson.Default.SandboxPost);
        return post is null || post.AccountId != accountId || post.IdempotencyKey != idempotencyKey || (post.DeletedAt is not null && !includeDeleted) ? null : post;
    }

    // One key makes one post, as on a network that honours idempotency keys: the id follows from the account and the key.
    private static string PostIdFor(string accountId, string idempotencyKey) =>
        "sbx-p" + SandboxDice.For("post", accountId, idempotencyKey).Next().ToString("x16", CultureInfo.InvariantCulture);

    private Task SaveAsync(SandboxPost post, CancellationToken cancellationToken) =>
        _context.Store.SetAsync(SandboxStoreKeys.Post(post.PostId), JsonSerializer.Serialize(post, SandboxJson.Default.SandboxPost), cancellationToken);

    private Task RememberAsync(string accountId, Action<List<SandboxPostEntry>> change, CancellationToken cancellationToken) =>
        _accountPosts.ApplyAsync(SandboxStoreKeys.AccountPosts(accountId), change, cancellationToken);

    // Every change waiting for an account's list, in one read and one write (CoalescedChanges).
    private async Task ChangeListAsync(string key, IReadOnlyList<Action<List<SandboxPostEntry>>> changes)
    {
        var json = await _context.Store.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        var list = json is null ? [] : JsonSerializer.Deserialize(json, SandboxJson.Default.ListSandboxPostEntry) ?? [];
        foreach (var change in changes)
        {
            change(list);
        }

        if (list.Count > RememberedPosts)
        {
            list.RemoveRange(0, list.Count - RememberedPosts);
        }

        await _context.Store.SetAsync(key, JsonSerializer.Serialize(list, SandboxJson.Default.ListSandboxPostEntry), CancellationToken.None)
            .ConfigureAwait(false);
    }

    // What a real network refuses: the sandbox keeps the same rules its profile declares.
    private static void Check(PublishRequest request)
    {
        var content = request.Content;
        var limits = SandboxProfile.Profile;
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw PlatformException.Rejected("A publish needs an idempotency key.");
        }

        if (string.IsNullOrWhiteSpace(content.Text) && content.Media.Count == 0)
        {
            throw PlatformException.Rejected("A post needs text or media.");
        }

        foreach (var text in content.ThreadParts.Prepend(content.Text).Append(content.FirstComment ?? string.Empty))
        {
            var length = TextLength.Count(text, limits.Text.Counting);
            if (length > limits.Text.MaxLength)
            {
                throw PlatformException.Rejected($"A text counts {length} characters; the sandbox takes at most {limits.Text.MaxLength}.");
            }
        }

        var media = content.Media;
        var videos = media.Count(m => m.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase));
        var wrongKind = content.Kind switch
        {
            ContentKinds.Text => media.Count != 0 ? "A text post takes no media." : null,
            ContentKinds.Image => media.Count != 1 || videos != 0 ? "An image post takes exactly one image." : null,
            ContentKinds.Video => media.Count != 1 || videos != 1 ? "A video post takes exactly one video." : null,
            ContentKinds.Carousel => media.Count < 2 ? "A carousel takes at least two images or videos." : null,
            ContentKinds.Thread => content.ThreadParts.Count == 0 ? "A thread needs more than one part." : null,
            _ => $"The sandbox does not take posts of kind '{content.Kind}'.",
        };
        if (wrongKind is not null)
        {
            throw PlatformException.Rejected(wrongKind);
        }

        if (media.Count > limits.Media.MaxItems)
        {
            throw PlatformException.Rejected($"A post takes at most {limits.Media.MaxItems} media.");
        }

        foreach (var item in media)
        {
            if (!limits.Media.ContentTypes.Contains(item.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                throw PlatformException.Rejected($"The sandbox does not take '{item.ContentType}' files.");
            }

            var max = item.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? limits.Media.MaxVideoBytes : limits.Media.MaxImageBytes;
            if (item.Length > max)
            {
                throw PlatformException.Rejected($"'{item.FileName}' is {item.Length} bytes; the sandbox takes at most {max}.");
            }
        }
    }

    private static PublishedPost ToPublished(SandboxPost post) =>
        new(post.PostId, new Uri(SandboxProfile.BaseUrl, $"posts/{post.PostId}"))
        {
            ThreadPostIds = post.ThreadPostIds,
            FirstCommentId = post.FirstCommentId,
        };

    private static string Json(Dictionary<string, string> values) => JsonSerializer.Serialize(values, SandboxJson.Default.DictionaryStringString);
}
