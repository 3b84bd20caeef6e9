using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Inbox;

/// <summary>
/// The account's inbox: mention notifications (replies to its statuses arrive as mentions, direct messages as mentions
/// with <c>direct</c> visibility) and direct conversations (each one's <c>last_status</c>), both read from a cursor with
/// <c>min_id</c>, newer pages followed through the <c>Link</c> header's <c>prev</c>; replies, favourites and metrics on statuses.
/// A direct message's conversation id is the Mastodon conversation's, whichever way it came (see <see cref="DirectConversations"/>).
/// </summary>
internal sealed class MastodonInbox(MastodonApi api)
{
    /// <summary>Notifications per page (Mastodon's most is 80).</summary>
    public const int PageSize = 40;

    /// <summary>Conversations per page (Mastodon's most is 40).</summary>
    public const int ConversationPageSize = 40;

    /// <summary>Pages of each list read in one poll before the rest waits for the next.</summary>
    public const int MaxPagesPerPoll = NewerPages.MaxPagesPerPoll;

    private const string FromTheStart = "0";

    public async Task<InboxPage> PollAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        var from = InboxCursor.Parse(cursor);
        var own = account.PlatformAccountId;
        // Notifications first: a direct mention read here is then already in the conversations read next.
        var mentions = await NewerPages.ReadAsync(api, instance, token,
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/notifications?types[]=mention&limit={PageSize}"), from.Notifications, PageSize,
            n => n.String("id"), keepWhatWasRead: false, cancellationToken).ConfigureAwait(false);
        var conversations = await NewerPages.ReadAsync(api, instance, token,
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/conversations?limit={ConversationPageSize}"), from.Conversations, ConversationPageSize,
            c => c.Object("last_status").String("id"), keepWhatWasRead: true, cancellationToken).ConfigureAwait(false);

        var direct = new DirectConversations(conversations.OldestFirst);
        var items = new List<InboxItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notification in mentions.OldestFirst)
        {
            var status = notification.Object("status");
            var author = notification.Object("account").ValueKind == JsonValueKind.Object ? notification.Object("account") : status.Object("account");
            if (Item(status, author, own, notification.Time("created_at"), direct) is { } item && seen.Add(item.PlatformItemId))
            {
                items.Add(item);
            }
        }

        foreach (var conversation in conversations.OldestFirst)
        {
            // The account's own messages are the account's, not the inbox's; a conversation it spoke last in brings nothing.
            var status = conversation.Object("last_status");
            var author = status.Object("account");
            if (author.String("id") != own && Item(status, author, own, null, direct, conversation.String("id")) is { } item && seen.Add(item.PlatformItemId))
            {
                items.Add(item);
            }
        }

        // An account without a single mention or conversation yet starts from the very first one it will get.
        var next = new InboxCursor(mentions.Position ?? FromTheStart, conversations.Position ?? FromTheStart);
        return new InboxPage([.. items.OrderBy(i => i.CreatedAt)], next.ToString())
        {
            PollAgainAfter = Later(mentions.PollAgainAfter, conversations.PollAgainAfter),
        };
    }

    public async Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        var original = (await api.SendAsync(HttpMethod.Get, instance, "/api/v1/statuses/" + MastodonAccount.Id(item.PlatformItemId), token, null, cancellationToken)
            .ConfigureAwait(false)).Body;
        // A direct message is answered to everyone in it (its author and whoever it mentions), directly; anything else to its
        // author, as visible as what it answers. Mastodon notifies only mentioned people, and a direct status reaches only them.
        var isDirect = item.Kind == InboxItemKind.DirectMessage || original.String("visibility") == "direct";
        var participants = isDirect ? original.Array("mentions").Prepend(original.Object("account")) : [original.Object("account")];
        var status = Mentioning(participants, account.PlatformAccountId, text);
        var limits = InstanceLimits.From(account);
        var length = StatusLength.Count(status, limits.CharactersPerUrl);
        if (string.IsNullOrWhiteSpace(text) || length > limits.MaxCharacters)
        {
            throw PlatformException.Rejected(string.IsNullOrWhiteSpace(text)
                ? "A reply needs text."
                : string.Create(CultureInfo.InvariantCulture, $"The reply counts {length} characters with its mentions; this instance takes at most {limits.MaxCharacters}."));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WriteString("in_reply_to_id", item.PlatformItemId);
            writer.WriteString("visibility", isDirect
                ? "direct"
                : original.String("visibility") is { } visibility && visibility is "public" or "unlisted" or "private" ? visibility : "unlisted");
            writer.WriteEndObject();
        }

        using var json = new ByteArrayContent(buffer.ToArray());
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        // The same reply to the same item within the instance's idempotency window is one reply, even when the host retries.
        var key = "reply-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.PlatformAccountId + "\n" + item.PlatformItemId + "\n" + text)));
        var reply = (await api.SendAsync(HttpMethod.Post, instance, "/api/v1/statuses", token, json, cancellationToken, key).ConfigureAwait(false)).Body;
        return reply.Required("id", "reply");
    }

    public async Task SetLikedAsync(AccountCredentials account, InboxItemReference item, bool liked, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        ArgumentNullException.ThrowIfNull(item);
        var path = "/api/v1/statuses/" + MastodonAccount.Id(item.PlatformItemId) + (liked ? "/favourite" : "/unfavourite");
        await api.SendAsync(HttpMethod.Post, instance, path, token, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PostMetrics> MetricsAsync(AccountCredentials account, string statusId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        var status = (await api.SendAsync(HttpMethod.Get, instance, "/api/v1/statuses/" + MastodonAccount.Id(statusId), token, null, cancellationToken)
            .ConfigureAwait(false)).Body;
        return new PostMetrics
        {
            MeasuredAt = now,
            Likes = status.Long("favourites_count"),
            Shares = status.Long("reblogs_count"),
            Comments = status.Long("replies_count"),
        };
    }

    /// <summary>The account's followers, follows and statuses, as its instance counts them (<c>verify_credentials</c>).</summary>
    public async Task<AccountMetrics> AccountMetricsAsync(AccountCredentials account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        var own = (await api.SendAsync(HttpMethod.Get, instance, "/api/v1/accounts/verify_credentials", token, null, cancellationToken).ConfigureAwait(false)).Body;
        return new AccountMetrics
        {
            MeasuredAt = now,
            Followers = own.Long("followers_count"),
            Following = own.Long("following_count"),
            Posts = own.Long("statuses_count"),
        };
    }

    private static InboxItem? Item(
        JsonElement status, JsonElement author, string ownAccountId, DateTimeOffset? notifiedAt, DirectConversations direct, string? conversationId = null)
    {
        if (status.String("id") is not { Length: > 0 } id || author.String("id") is not { Length: > 0 } authorId)
        {
            return null;
        }

        var inReplyTo = status.String("in_reply_to_id");
        var toUs = inReplyTo is not null && status.String("in_reply_to_account_id") == ownAccountId;
        var isDirect = conversationId is not null || status.String("visibility") == "direct";
        var kind = isDirect ? InboxItemKind.DirectMessage : toUs ? InboxItemKind.Comment : InboxItemKind.Mention;
        var text = StatusText.Plain(status.String("content"));
        if (status.String("spoiler_text") is { Length: > 0 } warning)
        {
            text = $"CW: {warning}\n\n{text}";
        }

        return new InboxItem
        {
            PlatformItemId = id,
            Kind = kind,
            Author = new InboxAuthor
            {
                PlatformUserId = authorId,
                Handle = "@" + (author.String("acct") ?? author.String("username") ?? authorId),
                DisplayName = author.String("display_name") is { Length: > 0 } name ? name : null,
                ProfileUrl = author.Url("url"),
                Followers = author.Long("followers_count"),
            },
            Text = text,
            CreatedAt = status.Time("created_at") ?? notifiedAt ?? DateTimeOffset.UnixEpoch,
            // A direct message's thread is its Mastodon conversation; one whose conversation was not read is threaded by its author.
            ConversationId = isDirect ? conversationId ?? direct.Of(status, ownAccountId) : inReplyTo ?? id,
            ParentItemId = inReplyTo,
            PlatformPostId = toUs ? inReplyTo : null,
            Url = status.Url("url"),
            Language = status.String("language") is { Length: > 0 and <= 35 } language ? language : null,
        };
    }

    // "@a @b text": each participant not already mentioned in the text, the account itself never.
    private static string Mentioning(IEnumerable<JsonElement> participants, string ownAccountId, string text)
    {
        var handles = participants
            .Where(p => p.String("id") != ownAccountId && p.String("acct") is { Length: > 0 })
            .Select(p => "@" + p.String("acct"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(handle => !Mentions(text, handle))
            .ToList();
        return handles.Count == 0 ? text : string.Join(' ', handles) + " " + text;
    }

    // "@fan" is in "@fan hi" and "Hi @fan.", not in "@fanclub" or "@fan@other.social" (another account).
    private static bool Mentions(string text, string handle)
    {
        for (var at = text.IndexOf(handle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(handle, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + handle.Length;
            if ((at == 0 || !IsNameCharacter(text[at - 1])) && (end == text.Length || !(IsNameCharacter(text[end]) || text[end] == '@')))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static TimeSpan? Later(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
