using Extensible.Sdk.Connectors;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>A connect waiting for the fields its network asks for (an app password, a token).</summary>
/// <param name="PluginId">The connector's plugin.</param>
/// <param name="PlatformKey">The network.</param>
/// <param name="NetworkName">The network's name.</param>
/// <param name="Reconnect">The account being reconnected, if any.</param>
/// <param name="Fields">The fields to ask for.</param>
/// <param name="Values">What was typed before a refusal, never a secret.</param>
/// <param name="SignsIn">
/// The fields only say where to sign in (a Mastodon instance): the form goes on to that server's sign-in page, through
/// htmx, since the console's content security policy lets forms post to the console alone.
/// </param>
public sealed record PendingConnect(
    string PluginId, string PlatformKey, string NetworkName, Guid? Reconnect, IReadOnlyList<ConnectField> Fields, IReadOnlyDictionary<string, string> Values,
    bool SignsIn = false);
