using System.Text;
using Extensible.Inbox.ReadModel;
using Npgsql;

namespace Extensible.Inbox.Threads;

/// <summary>Reads the inbox's read model for the console and the API: pages of threads, one thread with its items, counts.</summary>
public sealed class InboxBoard(NpgsqlDataSource db)
{
    /// <summary>How many of the newest threads a search walks before it asks the text index how many items match.</summary>
    internal const int SearchWalk = 500;

    /// <summary>Up to this many matching items, a search reads the matches from the text index; beyond, it walks all threads.</summary>
    internal const int FewMatches = 5_000;

    /// <summary>The labels index's predicate: only labelled threads are in it (a label filter repeats it, so the index applies).</summary>
    internal const string LabelledPredicate = "labels <> '{}'::text[]";

    private const string ThreadColumns =
        "t.id, t.workspace_id, t.account_id, t.platform_key, t.kind, t.status, t.priority, t.assignee_id, t.labels, t.preview, t.author_handle, t.author_name, "
        + "t.platform_post_id, t.our_post_id, t.first_item_at, t.last_item_at, t.item_count, t.first_response_at, t.resolved_at, t.escalation, t.version, t.sentiment";

    private const string ItemColumns =
        "i.id, i.direction, i.platform_item_id, i.kind, i.author_id, i.author_handle, i.author_name, i.author_url, i.author_followers, i.author_verified, "
        + "i.text, i.url, i.parent_item_id, i.conversation_id, i.created_at, i.hidden, i.deleted, i.reply_status, i.failure_message, i.by_user, i.liked, i.sentiment";

    /// <summary>A page of the workspace's threads, newest activity first.</summary>
    /// <exception cref="ArgumentException">The query is not valid (see <see cref="InboxQuery.Validate"/>).</exception>
    public async Task<InboxPage> ListAsync(Guid workspaceId, InboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Values), nameof(query));
        }

        var sql = new StringBuilder($"select {ThreadColumns} from inbox_threads t where t.workspace_id = $1");
        var values = new List<object> { workspaceId };
        string Next(object value)
        {
            values.Add(value);
            return "$" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (query.Status is { } status)
        {
            sql.Append($" and t.status = {Next(status)}");
        }

        if (query.AccountId is { } accountId)
        {
            sql.Append($" and t.account_id = {Next(accountId)}");
        }

        if (query.Network is { } network)
        {
            sql.Append($" and t.platform_key = {Next(network)}");
        }

        if (query.Label is { } label)
        {
            sql.Append($" and t.{LabelledPredicate} and t.labels @> array[{Next(label.Trim().ToLowerInvariant())}]::text[]");
        }

        if (query.Priority is { } priority)
        {
            sql.Append($" and t.priority = {Next(priority)}");
        }

        if (query.Sentiment == InboxSentiment.Unknown)
        {
            sql.Append(" and t.sentiment is null");
        }
        else if (query.Sentiment is { } sentiment)
        {
            sql.Append($" and t.sentiment = {Next(sentiment)}");
        }

        if (query.AssigneeId is { } assignee)
        {
            sql.Append($" and t.assignee_id = {Next(assignee)}");
        }
        else if (query.Unassigned)
        {
            sql.Append(" and t.assignee_id is null");
        }

        if (query.After is { } after && InboxQuery.Position.TryParse(after) is { } position)
        {
            sql.Append($" and (t.last_item_at, t.id) < ({Next(position.LastItemAt)}, {Next(position.Id)})");
        }

        const string Newest = " order by t.last_item_at desc, t.id desc";
        var filters = sql.ToString();
        var filterValues = values.ToList();
        List<InboxThreadRow> threads;
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            threads = await ReadThreadsAsync($"{filters}{Newest} limit {Next(query.PageSize + 1)}", values, cancellationToken);
        }
        else
        {
            // PostgreSQL cannot tell a word few items hold from one many hold (a rare word's frequency is a guess, and a
            // prepared statement's plan is made for any word): it walked every thread for a rare word. So: the newest
            // threads are walked first, which fills a page at once when many items match; when they do not, the matches
            // are read from the text index (when few), or the walk goes on through all threads (when many).
            var search = query.Search.Trim();
            string Matches(string term) => $"exists (select 1 from inbox_items i where i.thread_id = t.id and i.workspace_id = $1 and {SearchMatch(term)})";
            threads = await ReadThreadsAsync(
                $"select * from ({filters}{Newest} limit {Next(SearchWalk)}) t where {Matches(Next(search))}{Newest} limit {Next(query.PageSize + 1)}", values, cancellationToken);
            if (threads.Count <= query.PageSize)
            {
                values = [.. filterValues];
                var condition = await MatchingThreadsAsync(workspaceId, search, cancellationToken) is { } threadIds ? $"t.id = any({Next(threadIds)})" : Matches(Next(search));
                threads = await ReadThreadsAsync($"{filters} and {condition}{Newest} limit {Next(query.PageSize + 1)}", values, cancellationToken);
            }
        }

        return threads.Count > query.PageSize
            ? new InboxPage([.. threads.Take(query.PageSize)], new InboxQuery.Position(threads[query.PageSize - 1].LastItemAt, threads[query.PageSize - 1].Id).ToString())
            : new InboxPage(threads, null);
    }

    /// <summary>The threads whose items match <paramref name="search"/>, when at most <see cref="FewMatches"/> items do; else null.</summary>
    private async Task<Guid[]?> MatchingThreadsAsync(Guid workspaceId, string search, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select i.thread_id from inbox_items i where i.workspace_id = $1 and {SearchMatch("$2")} limit $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = search });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = FewMatches + 1 });
        var threads = new HashSet<Guid>();
        var items = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items++;
            threads.Add(reader.GetGuid(0));
        }

        return items > FewMatches ? null : [.. threads];
    }

    private static string SearchMatch(string parameter) =>
        $"to_tsvector('{InboxTables.SearchConfiguration}'::regconfig, i.text) @@ websearch_to_tsquery('{InboxTables.SearchConfiguration}'::regconfig, {parameter})";

    /// <summary>One thread of the workspace, or null.</summary>
    public async Task<InboxThreadRow?> FindAsync(Guid workspaceId, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {ThreadColumns} from inbox_threads t where t.workspace_id = $1 and t.id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = threadId });
        return await ReadThreadsAsync(command, cancellationToken) is [var thread, ..] ? thread : null;
    }

    /// <summary>The threads of the workspace among <paramref name="threadIds"/> (unknown ids are left out), oldest activity first.</summary>
    public async Task<IReadOnlyList<InboxThreadRow>> FindManyAsync(Guid workspaceId, IReadOnlyCollection<Guid> threadIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(threadIds);
        await using var command = db.CreateCommand($"select {ThreadColumns} from inbox_threads t where t.workspace_id = $1 and t.id = any($2) order by t.last_item_at, t.id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. threadIds] });
        return await ReadThreadsAsync(command, cancellationToken);
    }

    /// <summary>One thread of the workspace with its items (oldest first, at most the newest 500), or null.</summary>
    public async Task<InboxThreadView?> ThreadAsync(Guid workspaceId, Guid threadId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(workspaceId, threadId, cancellationToken) is not { } thread)
        {
            return null;
        }

        await using var command = db.CreateCommand(
            $"select * from (select {ItemColumns}, i.position from inbox_items i where i.thread_id = $1 order by i.created_at desc, i.position desc limit 500) newest order by created_at, position");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = threadId });
        var items = new List<InboxItemRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new InboxItemRow(
                reader.GetGuid(0), reader.GetString(1), Text(reader, 2), reader.GetString(3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetBoolean(9), reader.GetString(10), Text(reader, 11), Text(reader, 12), Text(reader, 13),
                reader.GetFieldValue<DateTimeOffset>(14), reader.GetBoolean(15), reader.GetBoolean(16), Text(reader, 17), Text(reader, 18),
                reader.IsDBNull(19) ? null : reader.GetGuid(19)) { Liked = reader.GetBoolean(20), Sentiment = Text(reader, 21) });
        }

        return new InboxThreadView(thread, items);
    }

    /// <summary>The author's other threads with this account (newest first, at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<InboxThreadRow>> AuthorHistoryAsync(Guid workspaceId, Guid accountId, string authorId, Guid exceptThreadId, int max = 10, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"select {ThreadColumns} from inbox_threads t where t.workspace_id = $1 and t.id <> $4 and t.id in "
            + "(select i.thread_id from inbox_items i where i.workspace_id = $1 and i.account_id = $2 and i.author_id = $3) order by t.last_item_at desc limit $5");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = authorId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = exceptThreadId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        return await ReadThreadsAsync(command, cancellationToken);
    }

    /// <summary>The most new threads <see cref="NewCountAsync"/> counts.</summary>
    public const int NewCountBound = 1000;

    /// <summary>How many threads of the workspace are new (nobody acted on them yet), up to <see cref="NewCountBound"/>.</summary>
    public async Task<long> NewCountAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        // Counted up to a bound: the navigation says "999+" beyond it, and a flood of new threads costs no more to count.
        await using var command = db.CreateCommand("select count(*) from (select 1 from inbox_threads where workspace_id = $1 and status = 'new' limit $2) n");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = NewCountBound });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The labels in use in the workspace, for filters and suggestions.</summary>
    public async Task<IReadOnlyList<string>> LabelsAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select distinct unnest(labels) l from inbox_threads where workspace_id = $1 order by l limit 200");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var labels = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            labels.Add(reader.GetString(0));
        }

        return labels;
    }

    private async Task<List<InboxThreadRow>> ReadThreadsAsync(string sql, List<object> values, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await ReadThreadsAsync(command, cancellationToken);
    }

    private static async Task<List<InboxThreadRow>> ReadThreadsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var threads = new List<InboxThreadRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            threads.Add(new InboxThreadRow(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.GetFieldValue<string[]>(8), reader.GetString(9), reader.GetString(10), Text(reader, 11),
                Text(reader, 12), reader.IsDBNull(13) ? null : reader.GetGuid(13), reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15),
                reader.GetInt32(16), Time(reader, 17), Time(reader, 18), Text(reader, 19), reader.GetInt64(20)) { Sentiment = Text(reader, 21) });
        }

        return threads;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
