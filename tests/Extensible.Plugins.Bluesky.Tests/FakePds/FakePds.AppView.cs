using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>The AppView methods the PDS proxies: notifications (newest first, with a keyset cursor), threads and post views.</summary>
public sealed partial class FakePds
{
    private readonly List<FakeNotification> notifications = [];

    /// <summary>
    /// Another account writes a post (a reply when <paramref name="replyTo"/> is given) and the AppView notifies
    /// <paramref name="recipientDid"/> with <paramref name="reason"/>, indexed at <paramref name="indexedAt"/> (now when not given).
    /// </summary>
    public FakeRecord Notify(string recipientDid, string reason, string authorDid, string text, FakeRecord? replyTo = null, DateTimeOffset? indexedAt = null)
    {
        lock (gate)
        {
            var value = new JsonObject
            {
                ["$type"] = "app.bsky.feed.post",
                ["text"] = text,
                ["createdAt"] = (indexedAt ?? Clock.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["langs"] = new JsonArray("en"),
            };
            if (replyTo is not null)
            {
                var root = replyTo.Value["reply"]?["root"]?.DeepClone() ?? new JsonObject { ["uri"] = replyTo.Uri, ["cid"] = replyTo.Cid };
                value["reply"] = new JsonObject { ["root"] = root, ["parent"] = new JsonObject { ["uri"] = replyTo.Uri, ["cid"] = replyTo.Cid } };
            }

            var rkey = NextKey();
            var record = Store(authorDid, "app.bsky.feed.post", rkey, value);
            notifications.Add(new FakeNotification(recipientDid, reason, record, replyTo?.Uri, indexedAt ?? Clock.GetUtcNow()));
            return record;
        }
    }

    /// <summary>A like of a post by another account (it counts in the post's metrics).</summary>
    public void LikeAs(string did, FakeRecord post)
    {
        lock (gate)
        {
            Store(did, "app.bsky.feed.like", NextKey(),
                new JsonObject { ["$type"] = "app.bsky.feed.like", ["subject"] = new JsonObject { ["uri"] = post.Uri, ["cid"] = post.Cid } });
        }
    }

    private FakeAnswer ListNotifications(FakeAccount caller, IQueryCollection query)
    {
        var limit = 50;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Violation(400, "InvalidRequest", "listNotifications: limit must be 1 to 100");
        }

        IEnumerable<FakeNotification> list = notifications.Where(n => n.RecipientDid == caller.Did)
            .OrderByDescending(n => n.IndexedAt).ThenByDescending(n => n.Record.Uri, StringComparer.Ordinal);
        if (query["cursor"].ToString() is { Length: > 0 } cursor)
        {
            var parts = cursor.Split("::", 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return Violation(400, "InvalidRequest", "listNotifications: malformed cursor");
            }

            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            list = list.Where(n => n.IndexedAt < at || (n.IndexedAt == at && string.CompareOrdinal(n.Record.Uri, parts[1]) < 0));
        }

        var page = list.Take(limit).ToList();
        var json = new JsonObject
        {
            ["notifications"] = new JsonArray([.. page.Select(n => (JsonNode)new JsonObject
            {
                ["uri"] = n.Record.Uri,
                ["cid"] = n.Record.Cid,
                ["author"] = Profile(n.Record.Repo),
                ["reason"] = n.Reason,
                ["reasonSubject"] = n.ReasonSubject,
                ["record"] = n.Record.Value.DeepClone(),
                ["isRead"] = false,
                ["indexedAt"] = n.IndexedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            })]),
        };
        if (page.Count > 0)
        {
            json["cursor"] = $"{page[^1].IndexedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}::{page[^1].Record.Uri}";
        }

        return new FakeAnswer(200, json);
    }

    private FakeAnswer GetPostThread(FakeAccount caller, IQueryCollection query)
    {
        var uri = query["uri"].ToString();
        if (uri.Length == 0)
        {
            return Violation(400, "InvalidRequest", "getPostThread: uri is required");
        }

        return records.FirstOrDefault(r => r.Uri == uri && r.Collection == "app.bsky.feed.post") is { } post
            ? new FakeAnswer(200, new JsonObject { ["thread"] = new JsonObject { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = PostView(caller, post) } })
            : new FakeAnswer(400, Error("NotFound", $"Post not found: {uri}"));
    }

    private FakeAnswer GetPosts(FakeAccount caller, IQueryCollection query)
    {
        var uris = query["uris"].Select(u => u ?? "").ToList();
        if (uris.Count is 0 or > 25)
        {
            return Violation(400, "InvalidRequest", "getPosts: 1 to 25 uris are required");
        }

        var posts = uris.Select(u => records.FirstOrDefault(r => r.Uri == u && r.Collection == "app.bsky.feed.post")).OfType<FakeRecord>();
        return new FakeAnswer(200, new JsonObject { ["posts"] = new JsonArray([.. posts.Select(p => (JsonNode)PostView(caller, p))]) });
    }

    private JsonObject PostView(FakeAccount viewer, FakeRecord post)
    {
        var likes = records.Where(r => r.Collection == "app.bsky.feed.like" && r.Value["subject"]?["uri"]?.GetValue<string>() == post.Uri).ToList();
        var replies = records.Count(r => r.Collection == "app.bsky.feed.post" && r.Value["reply"]?["parent"]?["uri"]?.GetValue<string>() == post.Uri);
        var quotes = records.Count(r => r.Collection == "app.bsky.feed.post" && r.Value["embed"]?["record"]?["uri"]?.GetValue<string>() == post.Uri);
        var viewerState = new JsonObject();
        if (likes.FirstOrDefault(l => l.Repo == viewer.Did) is { } own)
        {
            viewerState["like"] = own.Uri;
        }

        return new JsonObject
        {
            ["uri"] = post.Uri,
            ["cid"] = post.Cid,
            ["author"] = Profile(post.Repo),
            ["record"] = post.Value.DeepClone(),
            ["indexedAt"] = post.IndexedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["likeCount"] = likes.Count,
            ["repostCount"] = Reposts.GetValueOrDefault(post.Uri),
            ["replyCount"] = replies,
            ["quoteCount"] = quotes,
            ["viewer"] = viewerState,
        };
    }

    /// <summary>Reposts counted per post uri (set by tests: this fake has no repost records).</summary>
    public Dictionary<string, int> Reposts { get; } = [];

    private JsonObject Profile(string did)
    {
        var account = accounts.FirstOrDefault(a => a.Did == did);
        return new JsonObject { ["did"] = did, ["handle"] = account?.Handle ?? "handle.invalid", ["displayName"] = account?.DisplayName };
    }
}
