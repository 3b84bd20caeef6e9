using Extensible.EventStore;
using Npgsql;

namespace Extensible.Publishing.Scheduling;

/// <summary>
/// The time zones schedules are chosen and shown in: the workspace's (UTC until someone with ManageWorkspace sets it) and
/// each person's own display zone in the workspace (the workspace's until they choose one).
/// </summary>
public sealed class PublishingSettings(EventStore.EventStore store, NpgsqlDataSource db)
{
    /// <summary>The workspace's zone (IANA id); <see cref="ScheduleTime.DefaultZone"/> until one is set.</summary>
    public async Task<string> WorkspaceTimeZoneAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select time_zone from publishing_settings where workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? ScheduleTime.DefaultZone;
    }

    /// <summary>The zone a person chose to see times in here; <see langword="null"/> when they follow the workspace's.</summary>
    public async Task<string?> PersonTimeZoneAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select time_zone from publishing_person_zones where workspace_id = $1 and user_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The zone to show a person times in: their own, else the workspace's.</summary>
    public async Task<string> DisplayTimeZoneAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default) =>
        await PersonTimeZoneAsync(workspaceId, userId, cancellationToken) ?? await WorkspaceTimeZoneAsync(workspaceId, cancellationToken);

    /// <summary>Sets the workspace's zone; returns its IANA id as stored.</summary>
    /// <exception cref="Posts.PostValidationException">Not a zone we know (field <c>timeZone</c>).</exception>
    public async Task<string> SetWorkspaceTimeZoneAsync(PublishingActor actor, string? timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var zone = ScheduleTime.FindZone(timeZone);
        if (zone.Id != await WorkspaceTimeZoneAsync(actor.WorkspaceId, cancellationToken))
        {
            await store.AppendAsync(PublishingStreams.Settings(actor.WorkspaceId), ExpectedVersion.Any,
                [new WorkspaceTimeZoneChanged(actor.WorkspaceId, zone.Id, actor.UserId)], actor.Metadata, cancellationToken);
        }

        return zone.Id;
    }

    /// <summary>Sets the actor's own display zone in the workspace; <see langword="null"/> or empty follows the workspace's again.</summary>
    /// <exception cref="Posts.PostValidationException">Not a zone we know (field <c>timeZone</c>).</exception>
    public async Task<string?> SetPersonTimeZoneAsync(PublishingActor actor, string? timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : ScheduleTime.FindZone(timeZone).Id;
        if (zone != await PersonTimeZoneAsync(actor.WorkspaceId, actor.UserId, cancellationToken))
        {
            await store.AppendAsync(PublishingStreams.Person(actor.WorkspaceId, actor.UserId), ExpectedVersion.Any,
                [new PersonTimeZoneChanged(actor.WorkspaceId, actor.UserId, zone)], actor.Metadata, cancellationToken);
        }

        return zone;
    }

    /// <summary>The IANA zones people may pick, by id.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append(ScheduleTime.DefaultZone).Distinct().Order(StringComparer.Ordinal)];
}
