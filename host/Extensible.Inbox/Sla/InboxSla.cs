using Extensible.Inbox.Threads;
using Npgsql;

namespace Extensible.Inbox.Sla;

/// <summary>A thread's response times in business time, as the thread panel shows them (<see cref="InboxThreadSla"/>).</summary>
public sealed class InboxSla(InboxBusinessHours businessHours, NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>The thread's times: measured ones from the read model, the waiting one counted now.</summary>
    public async Task<InboxThreadSla> ForThreadAsync(InboxThreadRow thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        await using var command = db.CreateCommand("select first_response_seconds, resolution_seconds from inbox_threads where id = $1 and workspace_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = thread.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = thread.WorkspaceId });
        TimeSpan? firstResponse = null, resolution = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                firstResponse = reader.IsDBNull(0) ? null : TimeSpan.FromSeconds(reader.GetInt64(0));
                resolution = reader.IsDBNull(1) ? null : TimeSpan.FromSeconds(reader.GetInt64(1));
            }
        }

        // Replies sent before the measurement existed have a time but no business figure: they show none rather than a wrong one.
        firstResponse = thread.FirstResponseAt is null ? null : firstResponse;
        resolution = thread is { Status: InboxStatus.Resolved, ResolvedAt: not null } ? resolution : null;
        var (hours, zone) = await businessHours.ReadAsync(thread.WorkspaceId, cancellationToken);
        TimeSpan? waiting = null;
        if (thread.Status is InboxStatus.New or InboxStatus.Open or InboxStatus.Pending)
        {
            waiting = new BusinessClock(hours, InboxBusinessHours.Zone(zone)).Between(thread.FirstItemAt, clock.GetUtcNow());
        }

        return new InboxThreadSla(firstResponse, resolution, waiting, hours, zone);
    }
}
