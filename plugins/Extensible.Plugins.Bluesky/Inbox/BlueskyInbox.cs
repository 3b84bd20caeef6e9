using System.Globalization;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Publishing;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Inbox;

/// <summary>Reads mentions, replies and quotes from <c>app.bsky.notification.listNotifications</c>, oldest first, each once.</summary>
internal sealed class BlueskyInbox(IPluginContext context, XrpcClient xrpc)
{
    /// <summary>Notifications asked for per page (the lexicon's maximum).</summary>
    public const int PageSize = 100;

    /// <summary>Pages read per poll before the rest waits for the next poll.</summary>
    public const int MaxPagesPerPoll = 10;

    /// <summary>Notifications read on the very first poll (the newest ones; older history is not imported).</summary>
    public const int FirstPollSize = 50;

    /// <summary>New inbox items since <paramref name="cursor"/>.</summary>
    public async Task<InboxPage> PollAsync(SignedIn account, string? cursor, CancellationToken cancellationToken)
    {
        var state = NotificationCursor.Parse(cursor);
        var taken = new List<JsonObject>();
        var pages = 0;

        // An earlier poll's gap first: until it is closed, the top waits (it has a mark of its own already).
        if (state.Gap is { } gap)
        {
            while (gap is not null && pages < MaxPagesPerPoll)
            {
                var page = await PageAsync(account, gap.ApiCursor, PageSize, cancellationToken).ConfigureAwait(false);
                pages++;
                var closed = TakeUntil(page.Notifications, gap.Until, taken) || page.Cursor is null;
                gap = closed ? null : gap with { ApiCursor = page.Cursor! };
            }

            if (gap is not null)
            {
                return Page(account, taken, state with { Gap = gap }, pages);
            }
        }

        // Then from the top down to the mark (only the newest page on the first poll).
        string? apiCursor = null;
        NotificationMark? top = null;
        var reached = false;
        do
        {
            var page = await PageAsync(account, apiCursor, state.Mark is null ? FirstPollSize : PageSize, cancellationToken).ConfigureAwait(false);
            pages++;
            foreach (var notification in page.Notifications)
            {
                var (at, uri) = Position(notification);
                top ??= new NotificationMark(at, []);
                if (top.IndexedAt == at)
                {
                    top = top with { Uris = [.. top.Uris, uri] };
                }
            }

            reached = state.Mark is null
                ? TakeAll(page.Notifications, taken)
                : TakeUntil(page.Notifications, state.Mark, taken);
            apiCursor = page.Cursor;
            reached |= apiCursor is null;
        }
        while (!reached && pages < MaxPagesPerPoll);

        var newGap = reached || state.Mark is null ? null : new NotificationGap(apiCursor!, state.Mark);

        // An empty inbox on the first poll still sets a mark (the beginning): what arrives later is all new.
        return Page(account, taken, new NotificationCursor(top ?? state.Mark ?? NotificationMark.Beginning, newGap), pages);
    }

    // Takes a page's notifications until the mark; true when the mark was reached.
    private static bool TakeUntil(IReadOnlyList<JsonObject> notifications, NotificationMark mark, List<JsonObject> taken)
    {
        foreach (var notification in notifications)
        {
            var (at, uri) = Position(notification);
            if (at < mark.IndexedAt)
            {
                return true;
            }

            if (!mark.Covers(at, uri))
            {
                taken.Add(notification);
            }
        }

        return notifications.Count == 0;
    }

    private static bool TakeAll(IReadOnlyList<JsonObject> notifications, List<JsonObject> taken)
    {
        taken.AddRange(notifications);
        return true;
    }

    private InboxPage Page(SignedIn account, List<JsonObject> taken, NotificationCursor next, int pages)
    {
        // The list is newest first: reversed, notifications of one moment keep the order the AppView indexed them in.
        var items = Enumerable.Reverse(taken)
            .DistinctBy(n => Json.Text(n, "uri"))
            .Select(n => ToItem(account.Did, n))
            .OfType<InboxItem>()
            .OrderBy(i => i.CreatedAt)
            .ToList();
        BlueskyLog.NotificationsPolled(context.Logger, account.Did, items.Count, pages);
        return new InboxPage(items, next.ToString());
    }

    private async Task<(IReadOnlyList<JsonObject> Notifications, string? Cursor)> PageAsync(
        SignedIn account, string? apiCursor, int limit, CancellationToken cancellationToken)
    {
        var json = await xrpc.CallAsync(account, XrpcRequest.Query("app.bsky.notification.listNotifications",
            ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", apiCursor)), cancellationToken).ConfigureAwait(false);
        if (json["notifications"] is not JsonArray)
        {
            throw PlatformException.Retryable("The AppView answered listNotifications without notifications.");
        }

        return ([.. Json.Objects(json, "notifications").Where(n => Json.Text(n, "uri") is not null && Json.Time(n, "indexedAt") is not null)], Json.Text(json, "cursor"));
    }

    private static (DateTimeOffset At, string Uri) Position(JsonObject notification) =>
        (Json.Time(notification, "indexedAt")!.Value, Json.Text(notification, "uri")!);

    /// <summary>The inbox item for a mention, reply or quote; <see langword="null"/> for other notifications (likes, follows…).</summary>
    internal static InboxItem? ToItem(string accountDid, JsonObject notification)
    {
        var reason = Json.Text(notification, "reason");
        var kind = reason switch
        {
            "reply" => InboxItemKind.Comment,
            "mention" or "quote" => InboxItemKind.Mention,
            _ => (InboxItemKind?)null,
        };
        var uri = Json.Text(notification, "uri")!;
        var author = Json.Object(notification, "author");
        var record = Json.Object(notification, "record");
        if (kind is null || author is null || Json.Text(author, "did") is not { } authorDid || !uri.StartsWith("at://", StringComparison.Ordinal))
        {
            return null;
        }

        var handle = Json.Text(author, "handle") ?? authorDid;
        var reply = Json.Object(record, "reply");
        var root = Json.Text(Json.Object(reply, "root"), "uri");
        var parent = Json.Text(Json.Object(reply, "parent"), "uri");
        var subject = Json.Text(notification, "reasonSubject");
        var ownPost = new[] { root, parent, subject }.FirstOrDefault(u => u is not null && u.StartsWith($"at://{accountDid}/", StringComparison.Ordinal));
        var langs = record?["langs"] as JsonArray;
        return new InboxItem
        {
            PlatformItemId = uri,
            Kind = kind.Value,
            Author = new InboxAuthor
            {
                PlatformUserId = authorDid,
                Handle = "@" + handle,
                DisplayName = Json.Text(author, "displayName"),
                ProfileUrl = new Uri($"https://bsky.app/profile/{Uri.EscapeDataString(handle)}"),
            },
            Text = Json.Text(record, "text") ?? "",
            CreatedAt = Json.Time(record, "createdAt") ?? Json.Time(notification, "indexedAt")!.Value,
            ConversationId = root ?? uri,
            ParentItemId = parent,
            PlatformPostId = ownPost,
            Url = TryPostUrl(handle, uri),
            Language = langs?.OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault(),
        };
    }

    private static Uri? TryPostUrl(string handle, string uri)
    {
        try
        {
            return BlueskyPublisher.PostUrl(handle, uri);
        }
        catch (PlatformException)
        {
            return null;
        }
    }
}
