using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>A signed-in account: its PDS, identity and tokens, and how they are kept in the host's credentials.</summary>
/// <param name="Pds">The account's own PDS (from its DID document), where every call goes.</param>
/// <param name="Did">The account's DID.</param>
/// <param name="Handle">The account's handle, without <c>@</c>.</param>
/// <param name="AccessJwt">The short-lived access token.</param>
/// <param name="RefreshJwt">The refresh token (used only with <c>com.atproto.server.refreshSession</c>).</param>
internal sealed record BlueskySession(Uri Pds, string Did, string Handle, string AccessJwt, string RefreshJwt)
{
    // The keys of the values in AccountCredentials: stable, other engineers' tests and stored accounts depend on them.
    public const string PdsKey = "pds";
    public const string DidKey = "did";
    public const string HandleKey = "handle";
    public const string AccessJwtKey = "access_jwt";
    public const string RefreshJwtKey = "refresh_jwt";

    /// <summary>When the access token expires, read from its payload.</summary>
    public DateTimeOffset? ExpiresAt => JwtExpiry.Read(AccessJwt);

    /// <summary>The session the host's stored credentials describe; a missing value means the account must be connected again.</summary>
    public static BlueskySession From(AccountCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!PdsAddress.TryParse(credentials.Require(PdsKey), out var pds))
        {
            throw PlatformException.NeedsReconnect("The stored PDS address is not valid any more.");
        }

        return new BlueskySession(
            pds, credentials.Require(DidKey), credentials.Require(HandleKey), credentials.Require(AccessJwtKey), credentials.Require(RefreshJwtKey));
    }

    /// <summary>The credentials the host keeps (encrypted) for this session.</summary>
    public AccountCredentials ToCredentials() => new()
    {
        PlatformAccountId = Did,
        ExpiresAt = ExpiresAt,
        Values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PdsKey] = Pds.AbsoluteUri,
            [DidKey] = Did,
            [HandleKey] = Handle,
            [AccessJwtKey] = AccessJwt,
            [RefreshJwtKey] = RefreshJwt,
        },
    };

    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"{Handle} ({Did}) at {Pds}";
}
