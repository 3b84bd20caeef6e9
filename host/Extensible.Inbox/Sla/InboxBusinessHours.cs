using System.Text.Json;
using Extensible.EventStore;
using Extensible.Publishing.Scheduling;
using Npgsql;

namespace Extensible.Inbox.Sla;

/// <summary>
/// A workspace's business hours and response targets, in the workspace's time zone (the one publishing uses: Settings,
/// <see cref="PublishingSettings"/>): read by every member, set by Admins and Owners (ManageWorkspace, checked by the caller).
/// </summary>
public sealed class InboxBusinessHours(EventStore.EventStore store, PublishingSettings settings, NpgsqlDataSource db)
{
    /// <summary>The workspace's hours (<see cref="BusinessHours.Default"/> until set) and its time zone.</summary>
    public async Task<(BusinessHours Hours, string TimeZone)> ReadAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select hours::text from inbox_business_hours where workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var hours = await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize(json, InboxSlaJsonContext.Default.BusinessHours) ?? BusinessHours.Default
            : BusinessHours.Default;
        return (hours, await settings.WorkspaceTimeZoneAsync(workspaceId, cancellationToken));
    }

    /// <summary>A clock counting the workspace's business time now.</summary>
    public async Task<BusinessClock> ClockAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var (hours, zone) = await ReadAsync(workspaceId, cancellationToken);
        return new BusinessClock(hours, Zone(zone));
    }

    /// <summary>The zone of a stored IANA id; UTC for one this machine does not know (any more).</summary>
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>Sets the workspace's hours (built by <see cref="BusinessHoursInput"/>); nothing is written when they are unchanged.</summary>
    public async Task SetAsync(Guid workspaceId, BusinessHours hours, Guid by, string? byEmail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var (current, _) = await ReadAsync(workspaceId, cancellationToken);
        if (Same(current, hours))
        {
            return;
        }

        await store.AppendAsync(InboxStreams.BusinessHours(workspaceId), ExpectedVersion.Any, [new InboxBusinessHoursChanged(workspaceId, hours, by)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = byEmail ?? by.ToString() }, cancellationToken);
    }

    private static bool Same(BusinessHours a, BusinessHours b) =>
        a.AlwaysOpen == b.AlwaysOpen && a.Intervals.SequenceEqual(b.Intervals) && a.ClosedDates.SequenceEqual(b.ClosedDates)
        && a.FirstResponseTargetMinutes == b.FirstResponseTargetMinutes && a.ResolutionTargetMinutes == b.ResolutionTargetMinutes;
}
