using System.Globalization;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>How the Accounts room words an account's state.</summary>
public static class AccountText
{
    /// <summary>The health a person reads: connected, needs reconnect, paused or disconnected.</summary>
    public static string Health(AccountRecord account) => account.Health switch
    {
        AccountHealth.NeedsReconnect => "Needs reconnect",
        AccountHealth.Disconnected => "Disconnected",
        _ when account.Paused => "Paused",
        _ => "Connected",
    };

    /// <summary>The health as a stable token for styling and tests.</summary>
    public static string HealthKey(AccountRecord account) => account.Health switch
    {
        AccountHealth.NeedsReconnect => "needs-reconnect",
        AccountHealth.Disconnected => "disconnected",
        _ when account.Paused => "paused",
        _ => "connected",
    };

    /// <summary>How a network connects, in words.</summary>
    public static string Auth(AuthMethod auth) => auth switch
    {
        AuthMethod.OAuth2Pkce or AuthMethod.OAuth1a => "signs in on the network",
        AuthMethod.AppPassword => "app password",
        AuthMethod.Token => "access token",
        _ => "no credentials",
    };

    /// <summary>A moment, in UTC, or a dash.</summary>
    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";
}
