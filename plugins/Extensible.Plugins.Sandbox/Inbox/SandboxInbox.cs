using System.Globalization;
using System.Text.Json;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Storage;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Inbox;

/// <summary>
/// Generates an account's inbox from a cursor and the clock: item <c>n</c> is written one interval
/// (60 s / items per minute) after item <c>n - 1</c>, and its kind, author and text follow from the account and
/// <c>n</c> alone. Polling again from the same cursor gives the same items; polling from the returned cursor goes on.
/// </summary>
internal sealed class SandboxInbox(IPluginContext context)
{
    /// <summary>The most items one poll returns; the rest wait for the next poll.</summary>
    public const int PageSize = 50;

    /// <summary>How many items are already waiting in a newly connected account's inbox.</summary>
    public const int Backlog = 5;

    /// <summary>How far back a poll catches up; older items are skipped, as a busy network's API forgets them.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(1);

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);

    public async Task<InboxPage> PollAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken)
    {
        var settings = context.GetSettings<SandboxSettings>();
        var now = context.Time.GetUtcNow();
        var accountId = account.PlatformAccountId;
        var interval = Interval(settings);
        var from = cursor is null ? Opening(account, now, interval) : InboxCursor.Parse(cursor);
        if (interval is null)
        {
            return new InboxPage([], from.ToString()) { PollAgainAfter = Idle };
        }

        from = SkipForgotten(from, now, interval.Value);
        var posts = await PostsAsync(accountId, cancellationToken).ConfigureAwait(false);
        var handle = account.Values.TryGetValue("handle", out var h) ? h : "@sandbox";
        var items = new List<InboxItem>();
        var at = from.LastAt;
        while (items.Count < PageSize && at + interval.Value <= now)
        {
            at += interval.Value;
            items.Add(Generate(settings, accountId, handle, from.NextIndex + items.Count, at, posts));
        }

        var next = new InboxCursor(from.NextIndex + items.Count, at);
        context.Logger.InboxPolled(accountId, items.Count, next.NextIndex);
        var wait = items.Count == PageSize ? TimeSpan.Zero : Max(at + interval.Value - now, TimeSpan.FromSeconds(1));
        return new InboxPage(items, next.ToString()) { PollAgainAfter = wait };
    }

    // After a long pause (the host was down for a weekend) the inbox resumes an hour back instead of replaying everything.
    private static InboxCursor SkipForgotten(InboxCursor from, DateTimeOffset now, TimeSpan interval)
    {
        var oldest = now - CatchUp;
        if (from.LastAt >= oldest)
        {
            return from;
        }

        var skipped = (oldest - from.LastAt).Ticks / interval.Ticks;
        return new InboxCursor(from.NextIndex + skipped, from.LastAt + TimeSpan.FromTicks(skipped * interval.Ticks));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The time between two items, or <see langword="null"/> when the traffic is stopped.</summary>
    public static TimeSpan? Interval(SandboxSettings settings) =>
        settings.ItemsPerMinute > 0 && double.IsFinite(settings.ItemsPerMinute)
            ? TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerMinute / settings.ItemsPerMinute)))
            : null;

    // A new account's inbox opens a few items before it connected, so a newcomer sees traffic at once.
    private static InboxCursor Opening(AccountCredentials account, DateTimeOffset now, TimeSpan? interval)
    {
        var connectedAt = account.Values.TryGetValue("connected_at", out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : now;
        var backlog = interval is { } i ? TimeSpan.FromTicks(Math.Min(i.Ticks * Backlog, TimeSpan.TicksPerHour)) : TimeSpan.Zero;
        return new InboxCursor(0, connectedAt - backlog);
    }

    private async Task<List<SandboxPostEntry>> PostsAsync(string accountId, CancellationToken cancellationToken)
    {
        var json = await context.Store.GetAsync(SandboxStoreKeys.AccountPosts(accountId), cancellationToken).ConfigureAwait(false);
        return json is null ? [] : JsonSerializer.Deserialize(json, SandboxJson.Default.ListSandboxPostEntry) ?? [];
    }

    private static InboxItem Generate(
        SandboxSettings settings, string accountId, string handle, long index, DateTimeOffset at, List<SandboxPostEntry> posts)
    {
        var dice = SandboxDice.For("inbox", accountId, index.ToString(CultureInfo.InvariantCulture));
        var kind = dice.Weighted([settings.CommentWeight, settings.MentionWeight, settings.DirectMessageWeight]) switch
        {
            0 => InboxItemKind.Comment,
            1 => InboxItemKind.Mention,
            _ => InboxItemKind.DirectMessage,
        };
        var category = (TextCategory)dice.Weighted(
            [settings.QuestionWeight, settings.PraiseWeight, settings.ComplaintWeight, settings.SpamWeight, settings.AbuseWeight, settings.HostileTextWeight]);
        var author = SandboxPeople.Pick(dice, category);
        var published = posts.Where(p => p.PublishedAt <= at).ToList();
        var post = published.Count > 0 ? dice.Pick(published) : null;
        if (kind == InboxItemKind.Comment && post is null)
        {
            // Nothing to comment on yet: people talk about the account instead.
            kind = InboxItemKind.Mention;
        }

        var itemId = string.Create(CultureInfo.InvariantCulture, $"{accountId}-i{index}");
        return new InboxItem
        {
            PlatformItemId = itemId,
            Kind = kind,
            Author = author,
            Text = SandboxTexts.Compose(category, kind, dice, handle),
            CreatedAt = at,
            Sentiment = SandboxTexts.SentimentOf(category),
            ConversationId = kind switch
            {
                InboxItemKind.Comment => post!.PostId,
                InboxItemKind.DirectMessage => $"dm-{accountId}-{author.PlatformUserId}",
                _ => itemId,
            },
            PlatformPostId = kind == InboxItemKind.Comment ? post!.PostId : null,
            Url = kind == InboxItemKind.DirectMessage ? null : new Uri(SandboxProfile.BaseUrl, $"items/{itemId}"),
        };
    }
}
