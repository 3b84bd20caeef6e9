namespace Extensible.Publishing.Accounts;

/// <summary>
/// An account of a network was connected to a workspace through a connector. The credentials are kept only encrypted
/// (data protection, purpose <c>Extensible.Publishing.Accounts</c>), never in clear in an event or a log.
/// </summary>
public sealed record AccountConnected(
    Guid AccountId, Guid WorkspaceId, string PluginId, string PlatformKey, string PlatformAccountId, string Handle, string DisplayName,
    string? ProfileUrl, string? AvatarUrl, string ProtectedCredentials, DateTimeOffset? ExpiresAt, Guid ConnectedBy);

/// <summary>An account was connected again (new credentials for the same network account): it is healthy again.</summary>
public sealed record AccountReconnected(
    Guid AccountId, Guid WorkspaceId, string Handle, string DisplayName, string? ProfileUrl, string? AvatarUrl, string ProtectedCredentials,
    DateTimeOffset? ExpiresAt, Guid ReconnectedBy);

/// <summary>The connector refreshed an account's credentials before they expired.</summary>
public sealed record AccountCredentialsRefreshed(Guid AccountId, Guid WorkspaceId, string ProtectedCredentials, DateTimeOffset? ExpiresAt);

/// <summary>An account's credentials stopped working: its queue pauses until a person connects it again.</summary>
public sealed record AccountNeedsReconnect(Guid AccountId, Guid WorkspaceId, string Reason);

/// <summary>A person paused publishing from an account (or resumed it).</summary>
public sealed record AccountPauseChanged(Guid AccountId, Guid WorkspaceId, bool Paused, Guid By);

/// <summary>An account was disconnected; its credentials are forgotten (the event keeps none).</summary>
public sealed record AccountDisconnected(Guid AccountId, Guid WorkspaceId, Guid By);
