using System.Text.Json;
using Extensible.Publishing.Posts;
using Npgsql;

namespace Extensible.Publishing.Publisher;

/// <summary>The publisher's queries over the read model: what is due, claiming it, and targets left by dead nodes.</summary>
internal static class DueTargets
{
    // Accounts whose queue waits: paused by a person, or waiting to be connected again.
    private const string AccountReady = "not a.paused and a.health <> 'needs_reconnect'";

    private const string Columns =
        "t.post_id, t.workspace_id, t.account_id, t.attempt, t.due_at, p.content::text, t.variant::text, a.plugin_id, a.platform_key, a.health, t.started_node, t.started_at";

    /// <summary>The next instant something is due on a ready account, or null when nothing waits.</summary>
    public static async Task<DateTimeOffset?> NextDueAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select min(t.due_at) from publishing_targets t join publishing_accounts a on a.id = t.account_id where t.status in ('scheduled', 'retrying') and {AccountReady}",
            connection);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    /// <summary>Workspaces with something due now, the longest waiting first.</summary>
    /// <remarks>
    /// Asked before every claim, so it must not read every due row: with 10,000 targets due at once, grouping them took
    /// 5.5 ms a time. It walks the two partial indexes instead, one step per workspace (the distinct workspaces with
    /// waiting or in-flight targets), and looks up each one's oldest due or started instant in the same index.
    /// </remarks>
    public static async Task<IReadOnlyList<Guid>> WorkspacesDueAsync(NpgsqlConnection connection, DateTimeOffset now, DateTimeOffset leaseCutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "with recursive waiting(id) as ("
            + "(select workspace_id from publishing_targets where status in ('scheduled', 'retrying') order by workspace_id limit 1) "
            + "union all select (select t.workspace_id from publishing_targets t where t.status in ('scheduled', 'retrying') and t.workspace_id > w.id "
            + "order by t.workspace_id limit 1) from waiting w where w.id is not null), "
            + "flying(id) as ("
            + "(select workspace_id from publishing_targets where status = 'publishing' order by workspace_id limit 1) "
            + "union all select (select t.workspace_id from publishing_targets t where t.status = 'publishing' and t.workspace_id > f.id "
            + "order by t.workspace_id limit 1) from flying f where f.id is not null), "
            + "since(id, at) as ("
            + "select w.id, (select min(t.due_at) from publishing_targets t where t.workspace_id = w.id and t.status in ('scheduled', 'retrying') and t.due_at <= $1) "
            + "from waiting w where w.id is not null "
            + "union all select f.id, (select min(t.started_at) from publishing_targets t where t.workspace_id = f.id and t.status = 'publishing' and t.started_at < $2) "
            + "from flying f where f.id is not null) "
            + "select id from since where at is not null group by id order by min(at) limit 100",
            connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseCutoff });
        var workspaces = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            workspaces.Add(reader.GetGuid(0));
        }

        return workspaces;
    }

    /// <summary>
    /// Locks up to <paramref name="limit"/> of a workspace's due targets that no other node holds (<c>skip locked</c>),
    /// in the caller's transaction: targets left "publishing" by a node whose heartbeat stopped first, then due ones.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedTarget>> LockAsync(
        NpgsqlConnection connection, Guid workspaceId, DateTimeOffset now, DateTimeOffset leaseCutoff, int limit, CancellationToken cancellationToken)
    {
        var claimed = new List<ClaimedTarget>();
        // The rows are chosen and locked first, in the order of an index and without the posts' content; only those
        // claimed are then read in full (sorting every due row with its content spilled to disk at 10,000 due). Targets
        // due at one instant are taken post by post, so that one claim appends to few post streams (each append to a
        // stream is a call of Marten's append function, whatever the number of its events).
        await ReadAsync(
            "with claimed as (select t.post_id, t.account_id from publishing_targets t "
            + "where t.workspace_id = $1 and t.status = 'publishing' and t.started_at < $2 "
            + "and not exists (select 1 from publishing_nodes n where n.node = t.started_node and n.seen >= $2) "
            + "order by t.started_at limit $3 for update of t skip locked) "
            + $"select {Columns} from claimed c join publishing_targets t on t.post_id = c.post_id and t.account_id = c.account_id "
            + "join publishing_posts p on p.id = t.post_id join publishing_accounts a on a.id = t.account_id order by t.started_at",
            inDoubt: true, leaseCutoff);
        await ReadAsync(
            "with claimed as (select t.post_id, t.account_id from publishing_targets t join publishing_accounts a on a.id = t.account_id "
            + $"where t.workspace_id = $1 and t.status in ('scheduled', 'retrying') and t.due_at <= $2 and {AccountReady} "
            + "order by t.due_at, t.post_id limit $3 for update of t skip locked) "
            + $"select {Columns} from claimed c join publishing_targets t on t.post_id = c.post_id and t.account_id = c.account_id "
            + "join publishing_posts p on p.id = t.post_id join publishing_accounts a on a.id = t.account_id order by t.due_at, t.post_id",
            inDoubt: false, now);
        return claimed;

        async Task ReadAsync(string sql, bool inDoubt, DateTimeOffset instant)
        {
            if (claimed.Count >= limit)
            {
                return;
            }

            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = instant });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit - claimed.Count });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (postId, accountId) = (reader.GetGuid(0), reader.GetGuid(2));
                claimed.Add(new ClaimedTarget
                {
                    PostId = postId,
                    WorkspaceId = reader.GetGuid(1),
                    AccountId = accountId,
                    Attempt = reader.GetInt32(3) + 1,
                    IdempotencyKey = ClaimedTarget.KeyFor(postId, accountId),
                    DueAt = reader.IsDBNull(4) ? reader.GetFieldValue<DateTimeOffset>(11) : reader.GetFieldValue<DateTimeOffset>(4),
                    Content = Draft(reader.GetString(5)) ?? new PostContentDraft(),
                    Variant = reader.IsDBNull(6) ? null : Draft(reader.GetString(6)),
                    PluginId = reader.GetString(7),
                    PlatformKey = reader.GetString(8),
                    AccountHealth = reader.GetString(9),
                    InDoubtFrom = inDoubt ? (reader.IsDBNull(10) ? "an unknown node" : reader.GetString(10)) : null,
                });
            }
        }
    }

    /// <summary>Says this node is alive (its claims are not reconciled while it beats).</summary>
    public static async Task BeatAsync(NpgsqlDataSource dataSource, string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into publishing_nodes (node, seen) values ($1, $2) on conflict (node) do update set seen = excluded.seen");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = node });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether anything is due now (for readiness: a stalled loop matters only when work waits).</summary>
    public static async Task<bool> AnyDueAsync(NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select exists (select 1 from publishing_targets t join publishing_accounts a on a.id = t.account_id where t.status in ('scheduled', 'retrying') and t.due_at <= $1 and {AccountReady})");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static PostContentDraft? Draft(string json) => JsonSerializer.Deserialize(json, PublishingJsonContext.Default.PostContentDraft);
}
