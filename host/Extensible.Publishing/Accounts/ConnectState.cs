namespace Extensible.Publishing.Accounts;

/// <summary>An OAuth connect waiting for its callback, as it was stored when connecting started.</summary>
/// <param name="WorkspaceId">The workspace the account joins.</param>
/// <param name="UserId">The person who started connecting: only they may finish.</param>
/// <param name="PluginId">The plugin of the connector.</param>
/// <param name="PlatformKey">The network.</param>
/// <param name="RedirectUri">The callback given to the network.</param>
/// <param name="Verifier">The connector's PKCE verifier, decrypted.</param>
/// <param name="ReconnectAccountId">The account being reconnected, if it is a reconnect.</param>
/// <param name="ExpiresAt">When the state stops being accepted.</param>
public sealed record ConnectState(
    Guid WorkspaceId, Guid UserId, string PluginId, string PlatformKey, Uri RedirectUri, string? Verifier, Guid? ReconnectAccountId, DateTimeOffset ExpiresAt);
