using System.Globalization;
using System.Text.Json;
using Extensible.EventStore;
using Npgsql;

namespace Extensible.Publishing.Posts;

/// <summary>
/// Questions about posts, from the read model (statuses, lists, the calendar) and the post's stream (its history): what
/// the console, the calendar and the API show.
/// </summary>
public sealed class PostBoard(NpgsqlDataSource db, EventStore.EventStore store)
{
    /// <summary>The most posts one list or calendar range returns.</summary>
    public const int MaxList = 500;

    private const string TargetColumns =
        "t.post_id, t.account_id, coalesce(a.platform_key, ''), coalesce(a.handle, ''), coalesce(a.display_name, ''), t.variant, t.status, t.due_at, t.attempt, "
        + "t.url, t.failure, t.message, t.platform_message, t.published_at";

    private const string PostColumns = "p.id, p.state, p.content, p.due_at, p.time_zone, p.local_time, p.created_by, p.created, p.updated, p.version";

    /// <summary>A post with its targets and their history; <see langword="null"/> when the workspace has no such post.</summary>
    public async Task<PostView?> GetAsync(Guid workspaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var posts = await PostsAsync("p.workspace_id = $1 and p.id = $2", [workspaceId, postId], "", cancellationToken);
        if (posts.Count == 0)
        {
            return null;
        }

        var row = posts[0];
        var history = await HistoryAsync(workspaceId, postId, cancellationToken);
        var targets = (await TargetsAsync([postId], cancellationToken)).Select(t => t.View(history)).ToList();
        return new PostView(row.Id, row.State, row.Content, row.DueAt, row.TimeZone, row.LocalTime, row.CreatedBy, row.Created, row.Updated, row.Version,
            targets, PostStatuses.Summarize([.. targets.Select(t => (t.Status, t.PlatformMessage ?? t.Message))]), history);
    }

    /// <summary>A post's history from its stream, oldest first.</summary>
    public async Task<IReadOnlyList<PostHistoryEntry>> HistoryAsync(Guid workspaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(PublishingStreams.Post(postId), tenant: workspaceId.ToString(), cancellationToken: cancellationToken);
        return [.. events.Select(e => PostNarrator.Narrate(e))];
    }

    /// <summary>
    /// The calendar: posts due in [<paramref name="from"/>, <paramref name="to"/>) (scheduled, published, failed; not
    /// drafts nor discarded posts), by due time, each with its targets' statuses; only those going to
    /// <paramref name="accounts"/> when given.
    /// </summary>
    public Task<IReadOnlyList<PostListItem>> CalendarAsync(Guid workspaceId, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? accounts = null,
        CancellationToken cancellationToken = default) =>
        ListAsync(workspaceId, from, to, null, accounts, cancellationToken);

    /// <summary>The workspace's drafts, last changed first.</summary>
    public Task<IReadOnlyList<PostListItem>> DraftsAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        ListAsync(workspaceId, null, null, "draft", null, cancellationToken);

    /// <summary>
    /// Posts of the workspace: due in [<paramref name="from"/>, <paramref name="to"/>) when a range is given (by due time),
    /// else last changed first; <paramref name="status"/> filters by the post's state (draft, scheduled, discarded) or by a
    /// target's status (published, failed, needs_decision…). Discarded posts only when asked for.
    /// </summary>
    public async Task<IReadOnlyList<PostListItem>> ListAsync(Guid workspaceId, DateTimeOffset? from, DateTimeOffset? to, string? status,
        IReadOnlyCollection<Guid>? accounts = null, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "p.workspace_id = $1" };
        var values = new List<object> { workspaceId };
        string Add(object value)
        {
            values.Add(value);
            return "$" + values.Count.ToString(CultureInfo.InvariantCulture);
        }

        if (from is { } f)
        {
            where.Add($"p.due_at >= {Add(f.ToUniversalTime())}");
        }

        if (to is { } t)
        {
            where.Add($"p.due_at < {Add(t.ToUniversalTime())}");
        }

        switch (status)
        {
            case "draft" or "scheduled" or "discarded":
                where.Add($"p.state = {Add(status)}");
                break;
            case null or "":
                where.Add("p.state <> 'discarded'");
                if (from is null && to is null)
                {
                    break;
                }

                where.Add("p.state <> 'draft'");
                break;
            default:
                where.Add($"p.state <> 'discarded' and exists (select 1 from publishing_targets s where s.post_id = p.id and s.status = {Add(status)})");
                break;
        }

        if (accounts is { Count: > 0 })
        {
            where.Add($"exists (select 1 from publishing_targets s where s.post_id = p.id and s.account_id = any({Add(accounts.ToArray())}))");
        }

        var order = from is null && to is null ? "order by p.updated desc, p.id" : "order by p.due_at, p.id";
        var posts = await PostsAsync(string.Join(" and ", where), [.. values], $"{order} limit {MaxList}", cancellationToken);
        var targets = (await TargetsAsync([.. posts.Select(p => p.Id)], cancellationToken)).ToLookup(x => x.PostId);
        return
        [
            .. posts.Select(p =>
            {
                var items = targets[p.Id].Select(x => new TargetStatusItem(x.AccountId, x.PlatformKey, x.Handle, x.Status, x.PlatformMessage ?? x.Message, x.Url)).ToList();
                return new PostListItem(p.Id, p.State, p.Content.Text ?? "", p.DueAt, p.TimeZone, p.LocalTime, p.Updated, p.Version, items,
                    PostStatuses.Summarize([.. items.Select(i => (i.Status, i.Message))]));
            }),
        ];
    }

    private async Task<List<PostRow>> PostsAsync(string where, object[] values, string tail, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select {PostColumns} from publishing_posts p where {where} {tail}");
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<PostRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PostRow(reader.GetGuid(0), reader.GetString(1), Content(reader.GetString(2))!, Instant(reader, 3), Text(reader, 4), Text(reader, 5),
                reader.GetGuid(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt64(9)));
        }

        return rows;
    }

    private async Task<List<TargetRow>> TargetsAsync(Guid[] postIds, CancellationToken cancellationToken)
    {
        var rows = new List<TargetRow>();
        if (postIds.Length == 0)
        {
            return rows;
        }

        await using var command = db.CreateCommand(
            $"select {TargetColumns} from publishing_targets t left join publishing_accounts a on a.id = t.account_id where t.post_id = any($1) order by a.platform_key, a.handle, t.account_id");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = postIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TargetRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : Content(reader.GetString(5)), reader.GetString(6), Instant(reader, 7), reader.GetInt32(8), Text(reader, 9),
                Text(reader, 10), Text(reader, 11), Text(reader, 12), Instant(reader, 13)));
        }

        return rows;
    }

    private static PostContentDraft? Content(string json) => JsonSerializer.Deserialize(json, PublishingJsonContext.Default.PostContentDraft);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private sealed record PostRow(
        Guid Id, string State, PostContentDraft Content, DateTimeOffset? DueAt, string? TimeZone, string? LocalTime, Guid CreatedBy, DateTimeOffset Created,
        DateTimeOffset Updated, long Version);

    private sealed record TargetRow(
        Guid PostId, Guid AccountId, string PlatformKey, string Handle, string DisplayName, PostContentDraft? Variant, string Status, DateTimeOffset? DueAt,
        int Attempt, string? Url, string? Failure, string? Message, string? PlatformMessage, DateTimeOffset? PublishedAt)
    {
        public TargetView View(IReadOnlyList<PostHistoryEntry> history) => new(
            AccountId, PlatformKey, Handle, DisplayName, Variant, Status, DueAt, Attempt, Url, Failure, Message, PlatformMessage, PublishedAt,
            [.. history.Where(h => h.AccountId is null || h.AccountId == AccountId)]);
    }
}
