namespace Extensible.Publishing.Scheduling;

/// <summary>A workspace's time zone (IANA id) changed: new schedules are chosen in it by default.</summary>
public sealed record WorkspaceTimeZoneChanged(Guid WorkspaceId, string TimeZone, Guid By);

/// <summary>
/// A workspace's own app credentials for a network (client id and secret of the agency's client's app), encrypted;
/// <see langword="null"/> <paramref name="ProtectedCredentials"/> goes back to the connector's server-wide settings.
/// </summary>
public sealed record NetworkAppCredentialsChanged(Guid WorkspaceId, string PlatformKey, string? ProtectedCredentials, Guid By);

/// <summary>A person chose the zone the console shows times in for them in this workspace; <see langword="null"/> goes back to the workspace's.</summary>
public sealed record PersonTimeZoneChanged(Guid WorkspaceId, Guid UserId, string? TimeZone);
