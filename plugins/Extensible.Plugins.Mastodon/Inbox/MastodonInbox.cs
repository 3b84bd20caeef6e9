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
/// with <c>direct</c> visibility) read from a cursor with <c>min_id</c>, newer pages followed through the <c>Link</c>
/// header's <c>prev</c>; replies, favourites and metrics on statuses.
/// </summary>
internal sealed class MastodonInbox(MastodonApi api)
{
    /// <summary>Notifications per page (Mastodon's most is 80).</summary>
    public const int PageSize = 40;

    /// <summary>Pages read in one poll before the rest waits for the next.</summary>
    public const int MaxPagesPerPoll = 5;

    private const string FromTheStart = "0";

    public async Task<InboxPage> PollAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        var query = string.Create(CultureInfo.InvariantCulture, $"/api/v1/notifications?types[]=mention&limit={PageSize}");
        Uri next = new(instance, cursor is null ? query : query + "&min_id=" + Uri.EscapeDataString(MastodonAccount.Id(cursor)));
        var items = new List<InboxItem>();
        var position = cursor;
        TimeSpan? pollAgainAfter = null;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            MastodonAnswer answer;
            try
            {
                answer = await api.SendAsync(HttpMethod.Get, instance, next, token, null, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException e) when (page > 0 && e.Failure is PlatformFailure.RateLimited or PlatformFailure.Retryable)
            {
                // What was read is kept; the rest comes at the next poll.
                pollAgainAfter = e.RetryAfter;
                break;
            }

            var notifications = answer.Body.Array().ToList();
            if (answer.RateLimit is { NearlySpent: true } limit)
            {
                pollAgainAfter = limit.ResetsIn;
            }

            if (notifications.Count == 0)
            {
                break;
            }

            // Mastodon answers newest first; the host wants oldest first.
            items.AddRange(notifications.AsEnumerable().Reverse().Select(n => Item(n, account.PlatformAccountId)).OfType<InboxItem>());
            position = LinkHeader.Parameter(answer.Links.Prev, "min_id") ?? Newest(notifications);
            // The first poll starts at the newest page; older history is not brought in.
            if (cursor is null || answer.Links.Prev is not { } prev || notifications.Count < PageSize || pollAgainAfter is not null)
            {
                break;
            }

            next = prev;
        }

        // An account without a single mention yet starts from the very first one it will get.
        return new InboxPage(items, position ?? FromTheStart) { PollAgainAfter = pollAgainAfter };
    }

    public async Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        var original = (await api.SendAsync(HttpMethod.Get, instance, "/api/v1/statuses/" + MastodonAccount.Id(item.PlatformItemId), token, null, cancellationToken)
            .ConfigureAwait(false)).Body;
        var author = original.Object("account");
        var acct = author.String("acct");
        // The author hears of a reply only when it mentions them; the reply is as visible as what it answers.
        var status = acct is { Length: > 0 } && author.String("id") != account.PlatformAccountId && !text.Contains("@" + acct, StringComparison.OrdinalIgnoreCase)
            ? $"@{acct} {text}"
            : text;
        var limits = InstanceLimits.From(account);
        var length = StatusLength.Count(status, limits.CharactersPerUrl);
        if (string.IsNullOrWhiteSpace(text) || length > limits.MaxCharacters)
        {
            throw PlatformException.Rejected(string.IsNullOrWhiteSpace(text)
                ? "A reply needs text."
                : string.Create(CultureInfo.InvariantCulture, $"The reply counts {length} characters with the mention; this instance takes at most {limits.MaxCharacters}."));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WriteString("in_reply_to_id", item.PlatformItemId);
            writer.WriteString("visibility", original.String("visibility") is { } visibility && visibility is "public" or "unlisted" or "private" or "direct" ? visibility : "unlisted");
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

    private static InboxItem? Item(JsonElement notification, string ownAccountId)
    {
        var status = notification.Object("status");
        var author = notification.Object("account").ValueKind == JsonValueKind.Object ? notification.Object("account") : status.Object("account");
        if (status.String("id") is not { Length: > 0 } id || author.String("id") is not { Length: > 0 } authorId)
        {
            return null;
        }

        var inReplyTo = status.String("in_reply_to_id");
        var toUs = inReplyTo is not null && status.String("in_reply_to_account_id") == ownAccountId;
        var kind = status.String("visibility") == "direct" ? InboxItemKind.DirectMessage : toUs ? InboxItemKind.Comment : InboxItemKind.Mention;
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
            CreatedAt = status.Time("created_at") ?? notification.Time("created_at") ?? DateTimeOffset.UnixEpoch,
            ConversationId = inReplyTo ?? id,
            ParentItemId = inReplyTo,
            PlatformPostId = toUs ? inReplyTo : null,
            Url = status.Url("url"),
            Language = status.String("language") is { Length: > 0 and <= 35 } language ? language : null,
        };
    }

    // Mastodon ids are numbers as text: the newest is the longest, then the greatest.
    private static string? Newest(List<JsonElement> notifications) =>
        notifications.Select(n => n.String("id")).OfType<string>().OrderByDescending(id => id.Length).ThenByDescending(id => id, StringComparer.Ordinal).FirstOrDefault();
}
