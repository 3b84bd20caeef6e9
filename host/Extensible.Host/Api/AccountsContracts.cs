using System.ComponentModel;
using System.Text.Json.Serialization;
using Extensible.Publishing.Accounts;

namespace Extensible.Host.Api;

/// <summary>A connected account (never its credentials).</summary>
/// <param name="Id">The account's id.</param>
/// <param name="PluginId">The plugin whose connector serves it.</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="Handle">The handle on the network.</param>
/// <param name="DisplayName">The name on the network.</param>
/// <param name="ProfileUrl">Its public page.</param>
/// <param name="AvatarUrl">Its picture (https only).</param>
/// <param name="Health"><c>connected</c>, <c>needs_reconnect</c> or <c>disconnected</c>.</param>
/// <param name="HealthReason">Why it needs a reconnect.</param>
/// <param name="Paused">Whether publishing from it is paused.</param>
/// <param name="ConnectedAt">When it was first connected.</param>
/// <param name="ExpiresAt">When its access credentials expire (the host refreshes them before).</param>
/// <param name="LastPublishedAt">When it last published.</param>
/// <param name="LastError">The last publish failure's message.</param>
/// <param name="LastErrorAt">When that failure happened.</param>
public sealed record AccountResponse(
    Guid Id, string PluginId, string PlatformKey, string Handle, string DisplayName, string? ProfileUrl, string? AvatarUrl, string Health, string? HealthReason,
    bool Paused, DateTimeOffset ConnectedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastPublishedAt, string? LastError, DateTimeOffset? LastErrorAt)
{
    internal static AccountResponse From(AccountRecord a) => new(
        a.Id, a.PluginId, a.PlatformKey, a.Handle, a.DisplayName, a.SafeProfileUrl?.AbsoluteUri, a.SafeAvatarUrl?.AbsoluteUri, AccountsHealth.Wire(a.Health), a.HealthReason,
        a.Paused, a.ConnectedAt, a.ExpiresAt, a.LastPublishedAt, a.LastError, a.LastErrorAt);
}

/// <summary>A network accounts can be connected to: a running connector.</summary>
/// <param name="PluginId">The plugin of the connector.</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="Name">The connector's name.</param>
/// <param name="Auth"><c>none</c>, <c>oauth2_pkce</c>, <c>oauth1a</c>, <c>app_password</c> or <c>token</c>.</param>
/// <param name="HasAppCredentials">Whether the workspace set its own app credentials for the network.</param>
public sealed record NetworkResponse(string PluginId, string PlatformKey, string Name, string Auth, bool HasAppCredentials);

/// <summary>Start connecting an account (OAuth networks) or ask which fields a network wants.</summary>
/// <param name="PluginId">The plugin of the connector (see <c>GET /api/v1/accounts/networks</c>).</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="ReconnectAccountId">The account to reconnect, if this is a reconnect.</param>
/// <param name="Fields">For OAuth networks that ask first which server to sign in to (a Mastodon instance): those fields.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConnectStartRequest(
    [property: Description("A running connector's plugin id.")] string? PluginId,
    [property: Description("The network's key, e.g. sandbox.")] string? PlatformKey,
    [property: Description("Optional: the account to reconnect.")] Guid? ReconnectAccountId = null,
    [property: Description("OAuth networks whose server the person names (Mastodon: instance): the fields a first call without them returned.")]
    IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>How to go on connecting.</summary>
/// <param name="Auth">How the network connects.</param>
/// <param name="AuthorizationUrl">OAuth: open it in a browser signed in to the console as the same person, in the same workspace; the network sends the person back to the console's callback, which connects the account. The state in it works once, for about 10 minutes.</param>
/// <param name="Fields">App passwords and tokens: the fields to send to <c>POST /api/v1/accounts</c>. OAuth networks that ask which server to sign in to (no authorization URL yet): the fields to send back in <c>fields</c> of this call.</param>
public sealed record ConnectStartResponse(string Auth, string? AuthorizationUrl, IReadOnlyList<ConnectFieldResponse> Fields);

/// <summary>A field a network asks for.</summary>
/// <param name="Name">Its key in <c>fields</c>.</param>
/// <param name="Label">What to call it.</param>
/// <param name="IsSecret">A password or token: never shown back.</param>
public sealed record ConnectFieldResponse(string Name, string Label, bool IsSecret)
{
    /// <summary>May be left out: the network then uses its default (the connector's <c>help</c> says which).</summary>
    public bool IsOptional { get; init; }

    /// <summary>What to enter, when the connector says.</summary>
    public string? Help { get; init; }
}

/// <summary>Connect an account without a browser: a network without credentials (the sandbox) or one that asks for fields.</summary>
/// <param name="PluginId">The plugin of the connector.</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="Fields">The fields the connector asks for (none for credential-free networks).</param>
/// <param name="ReconnectAccountId">The account to reconnect, if this is a reconnect.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConnectAccountRequest(
    [property: Description("A running connector's plugin id.")] string? PluginId,
    [property: Description("The network's key, e.g. sandbox.")] string? PlatformKey,
    [property: Description("The connector's fields by name (see connect/start); none for the sandbox.")] IReadOnlyDictionary<string, string>? Fields = null,
    [property: Description("Optional: the account to reconnect.")] Guid? ReconnectAccountId = null);

/// <summary>A workspace's own app credentials for a network.</summary>
/// <param name="ClientId">The app's client id.</param>
/// <param name="ClientSecret">The app's client secret, if it has one.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AppCredentialsRequest(
    [property: Description("1 to 1000 characters.")] string? ClientId,
    [property: Description("Optional; at most 1000 characters. Never returned.")] string? ClientSecret = null);

/// <summary>Whether a workspace has its own app credentials for a network (never the credentials).</summary>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="IsSet">Whether they are set.</param>
public sealed record AppCredentialsResponse(string PlatformKey, bool IsSet);

internal static class AccountsHealth
{
    public static string Wire(AccountHealth health) => health switch
    {
        AccountHealth.NeedsReconnect => "needs_reconnect",
        AccountHealth.Disconnected => "disconnected",
        _ => "connected",
    };

    public static string Wire(Sdk.Connectors.AuthMethod auth) => auth switch
    {
        Sdk.Connectors.AuthMethod.OAuth2Pkce => "oauth2_pkce",
        Sdk.Connectors.AuthMethod.OAuth1a => "oauth1a",
        Sdk.Connectors.AuthMethod.AppPassword => "app_password",
        Sdk.Connectors.AuthMethod.Token => "token",
        _ => "none",
    };
}
