using Npgsql;

namespace Extensible.Inbox.Ingestion;

/// <summary>
/// The poller's rows in <c>inbox_poll_state</c>: which accounts are due, claimed by one node at a time with a lease
/// (<c>FOR UPDATE SKIP LOCKED</c>), and each account's cursor, moved only after the items it covers are stored.
/// </summary>
internal static class PollState
{
    /// <summary>Adds a row, due now, for every connected account that has none.</summary>
    public static async Task AddNewAccountsAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "insert into inbox_poll_state (account_id, next_poll_at) select a.id, $1 from publishing_accounts a "
            + "where a.health = 'connected' and not exists (select 1 from inbox_poll_state s where s.account_id = a.id) on conflict (account_id) do nothing");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Claims up to <paramref name="limit"/> due accounts for <paramref name="node"/> until the lease ends.</summary>
    public static async Task<IReadOnlyList<(Guid AccountId, string? Cursor, int Failures)>> ClaimAsync(
        NpgsqlDataSource db, string node, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "update inbox_poll_state s set leased_by = $1, lease_until = $3 from ("
            + "select p.account_id from inbox_poll_state p join publishing_accounts a on a.id = p.account_id "
            + "where a.health = 'connected' and p.next_poll_at <= $2 and (p.lease_until is null or p.lease_until < $2) "
            + "order by p.next_poll_at limit $4 for update of p skip locked) due where s.account_id = due.account_id "
            + "returning s.account_id, s.cursor, s.failures");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = node });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + lease });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var claimed = new List<(Guid, string?, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
        }

        return claimed;
    }

    /// <summary>The poll went through: the cursor moves (only while this node still holds the account) and the next poll is set.</summary>
    public static async Task SucceededAsync(NpgsqlDataSource db, Guid accountId, string node, string? cursor, DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "update inbox_poll_state set cursor = coalesce($3, cursor), next_poll_at = $5, failures = 0, last_error = null, last_polled_at = $4, leased_by = null, lease_until = null "
            + "where account_id = $1 and leased_by = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = node });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = cursor });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = next });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The poll failed (or the account cannot be polled): the cursor stays, the next try is set, the reason kept.</summary>
    public static async Task FailedAsync(NpgsqlDataSource db, Guid accountId, string node, int failures, string? error, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "update inbox_poll_state set failures = $3, last_error = $4, next_poll_at = $5, leased_by = null, lease_until = null where account_id = $1 and leased_by = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = node });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = failures });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = next });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
