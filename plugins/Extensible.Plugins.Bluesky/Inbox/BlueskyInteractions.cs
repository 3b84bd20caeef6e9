using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Publishing;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Inbox;

/// <summary>Replies to and likes inbox items; the post's thread (<c>app.bsky.feed.getPostThread</c>) gives the refs both need.</summary>
internal sealed class BlueskyInteractions(IPluginContext context, XrpcClient xrpc, PostRecords records)
{
    /// <summary>Posts a reply to the item: its parent is the item, its root the item's thread root.</summary>
    public async Task<string> ReplyAsync(SignedIn account, InboxItemReference item, string text, CancellationToken cancellationToken)
    {
        var post = await PostAsync(account, item.PlatformItemId, cancellationToken).ConfigureAwait(false);
        var parent = Ref(post) ?? throw PlatformException.Retryable("The AppView answered getPostThread without the post's uri and cid.");
        var rootJson = Json.Object(Json.Object(Json.Object(post, "record"), "reply"), "root");
        var root = Json.Text(rootJson, "uri") is { } rootUri && Json.Text(rootJson, "cid") is { } rootCid ? new StrongRef(rootUri, rootCid) : parent;
        var rkey = Tid.Create(context.Time.GetUtcNow(), 0, RandomNumberGenerator.GetInt32(1024));
        var created = await records.CreateAsync(account, AtUri.Post, rkey, mayExist: false,
            () => records.BuildAsync(account, text, [], (root, parent), null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return created.Uri;
    }

    /// <summary>Likes the item (an <c>app.bsky.feed.like</c> record) or deletes the account's like of it; doing it twice changes nothing.</summary>
    public async Task SetLikedAsync(SignedIn account, InboxItemReference item, bool liked, CancellationToken cancellationToken)
    {
        var storeKey = LikeKey(account.Did, item.PlatformItemId);
        var known = await context.Store.GetAsync(storeKey, cancellationToken).ConfigureAwait(false);
        var post = await PostAsync(account, item.PlatformItemId, cancellationToken).ConfigureAwait(false);
        var existing = Json.Text(Json.Object(post, "viewer"), "like") ?? known;
        if (liked)
        {
            if (existing is not null)
            {
                return;
            }

            var subject = Ref(post) ?? throw PlatformException.Retryable("The AppView answered getPostThread without the post's uri and cid.");
            var rkey = Tid.Create(context.Time.GetUtcNow(), 0, RandomNumberGenerator.GetInt32(1024));
            var like = await records.CreateAsync(account, AtUri.Like, rkey, mayExist: false, () => Task.FromResult(new JsonObject
            {
                ["$type"] = AtUri.Like,
                ["subject"] = subject.ToJson(),
                ["createdAt"] = context.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            }), cancellationToken).ConfigureAwait(false);
            await context.Store.SetAsync(storeKey, like.Uri, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (existing is not null)
        {
            var uri = AtUri.Parse(existing);
            if (uri.Repo == account.Did && uri.Collection == AtUri.Like)
            {
                await records.DeleteAsync(account, uri, cancellationToken).ConfigureAwait(false);
            }
        }

        await context.Store.DeleteAsync(storeKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> PostAsync(SignedIn account, string uri, CancellationToken cancellationToken)
    {
        _ = AtUri.Parse(uri);
        var thread = await xrpc.FindAsync(account, XrpcRequest.Query("app.bsky.feed.getPostThread", ("uri", uri), ("depth", "0"), ("parentHeight", "0")),
            cancellationToken).ConfigureAwait(false);
        return Json.Object(Json.Object(thread, "thread"), "post")
            ?? throw new PlatformException(PlatformFailure.Rejected, "The network refused: the post is gone (deleted, or hidden from the account).")
            {
                PlatformMessage = "The post is gone (deleted, or hidden from the account).",
                StatusCode = 404,
            };
    }

    private static StrongRef? Ref(JsonObject post) =>
        Json.Text(post, "uri") is { } uri && Json.Text(post, "cid") is { } cid ? new StrongRef(uri, cid) : null;

    private static string LikeKey(string did, string itemUri) =>
        "like:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(did + "\n" + itemUri)));
}
