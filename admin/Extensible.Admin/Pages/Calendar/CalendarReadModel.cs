using System.Text.Json;
using Npgsql;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>Reads posts, their targets and the workspace's accounts and time zone from the publishing read model.</summary>
public sealed class CalendarReadModel(NpgsqlDataSource db)
{
    private const string PostColumns = "p.id, p.state, p.content, p.due_at, p.time_zone, p.local_time, p.updated, p.version";

    /// <summary>The workspace's time zone (UTC until one is set).</summary>
    public async Task<TimeZoneInfo> TimeZoneOfAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select time_zone from publishing_settings where workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var id = await command.ExecuteScalarAsync(cancellationToken) as string;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// The posts due in [<paramref name="from"/>, <paramref name="to"/>), and the unscheduled drafts last changed then,
    /// in time order, with their targets.
    /// </summary>
    public async Task<IReadOnlyList<CalendarPost>> PostsAsync(Guid workspaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"select {PostColumns} from publishing_posts p where p.workspace_id = $1 and p.state <> 'discarded' "
            + "and ((p.due_at >= $2 and p.due_at < $3) or (p.due_at is null and p.updated >= $2 and p.updated < $3)) "
            + "order by coalesce(p.due_at, p.updated), p.id limit 2000");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        return await ReadPostsAsync(command, workspaceId, cancellationToken);
    }

    /// <summary>One post of the workspace, or <see langword="null"/>.</summary>
    public async Task<CalendarPost?> PostAsync(Guid workspaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {PostColumns} from publishing_posts p where p.workspace_id = $1 and p.id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = postId });
        var posts = await ReadPostsAsync(command, workspaceId, cancellationToken);
        return posts.Count == 0 ? null : posts[0];
    }

    /// <summary>The workspace's accounts that are not disconnected, by network and handle.</summary>
    public async Task<IReadOnlyList<ComposeAccount>> AccountsAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select id, plugin_id, platform_key, handle, display_name, avatar_url, health, health_reason, paused, last_error from publishing_accounts "
            + "where workspace_id = $1 and health <> 'disconnected' order by platform_key, handle, id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var list = new List<ComposeAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ComposeAccount(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), NullableString(reader, 5),
                reader.GetString(6), NullableString(reader, 7), reader.GetBoolean(8), NullableString(reader, 9)));
        }

        return list;
    }

    /// <summary>The post's content as stored (the shared text and media, and each target's variant).</summary>
    public async Task<(JsonDocument Content, IReadOnlyDictionary<Guid, JsonDocument?> Variants)?> ContentAsync(
        Guid workspaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select content::text from publishing_posts where workspace_id = $1 and id = $2")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = workspaceId }, new NpgsqlParameter<Guid> { TypedValue = postId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select account_id, variant::text from publishing_targets where workspace_id = $1 and post_id = $2")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = workspaceId }, new NpgsqlParameter<Guid> { TypedValue = postId } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var content = JsonDocument.Parse(reader.GetString(0));
        await reader.NextResultAsync(cancellationToken);
        var variants = new Dictionary<Guid, JsonDocument?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            variants[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : JsonDocument.Parse(reader.GetString(1));
        }

        return (content, variants);
    }

    /// <summary>
    /// Whether a target of another post already says <paramref name="text"/> to <paramref name="accountId"/> within a day of
    /// <paramref name="around"/>: the composer warns before a duplicate.
    /// </summary>
    public async Task<bool> SaidWithinADayAsync(Guid workspaceId, Guid? postId, Guid accountId, string text, DateTimeOffset around, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select exists (select 1 from publishing_targets t join publishing_posts p on p.id = t.post_id "
            + "where t.workspace_id = $1 and t.account_id = $2 and p.id <> $3 and p.state <> 'discarded' and t.status not in ('dropped', 'deleted') "
            + "and coalesce(t.variant->>'text', p.content->>'text') = $4 "
            + "and coalesce(t.published_at, p.due_at, p.updated) between $5 - interval '1 day' and $5 + interval '1 day')");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = postId ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = around.ToUniversalTime() });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<CalendarPost>> ReadPostsAsync(NpgsqlCommand command, Guid workspaceId, CancellationToken cancellationToken)
    {
        var posts = new List<(Guid Id, string State, string Text, DateTimeOffset? Due, string? Zone, string? Local, DateTimeOffset Updated, long Version)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                posts.Add((reader.GetGuid(0), reader.GetString(1), TextOf(reader.GetString(2)), NullableInstant(reader, 3), NullableString(reader, 4),
                    NullableString(reader, 5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7)));
            }
        }

        if (posts.Count == 0)
        {
            return [];
        }

        var targets = await TargetsAsync(workspaceId, [.. posts.Select(p => p.Id)], cancellationToken);
        return [.. posts.Select(p => new CalendarPost(p.Id, p.State, p.Text, p.Due, p.Zone, p.Local, p.Updated, p.Version,
            targets.TryGetValue(p.Id, out var list) ? list : []))];
    }

    private async Task<Dictionary<Guid, List<CalendarTarget>>> TargetsAsync(Guid workspaceId, Guid[] postIds, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "select t.post_id, t.account_id, coalesce(a.platform_key, ''), coalesce(a.handle, ''), coalesce(a.display_name, 'a removed account'), t.status, t.attempt, "
            + "t.due_at, t.url, t.failure, t.message, t.platform_message, t.published_at, t.variant->>'text' "
            + "from publishing_targets t left join publishing_accounts a on a.id = t.account_id "
            + "where t.workspace_id = $1 and t.post_id = any($2) order by a.platform_key, a.handle, t.account_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = postIds });
        var map = new Dictionary<Guid, List<CalendarTarget>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var postId = reader.GetGuid(0);
            if (!map.TryGetValue(postId, out var list))
            {
                map[postId] = list = [];
            }

            list.Add(new CalendarTarget(
                reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                NullableInstant(reader, 7), NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11),
                NullableInstant(reader, 12))
            {
                VariantText = NullableString(reader, 13),
            });
        }

        return map;
    }

    private static string TextOf(string content)
    {
        using var json = JsonDocument.Parse(content);
        return json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
