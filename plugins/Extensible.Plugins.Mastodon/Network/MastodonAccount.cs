using Extensible.Plugins.Mastodon.Instances;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>What a connected account's credentials hold: its instance and its token.</summary>
internal static class MastodonAccount
{
    /// <summary>The account's instance and bearer token; credentials without them need a reconnect.</summary>
    public static (Uri Instance, string Token) Open(AccountCredentials account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var instanceText = account.Require("instance");
        if (!InstanceAddress.TryParse(instanceText, out var instance, out _))
        {
            throw PlatformException.NeedsReconnect("The stored instance address is not valid.");
        }

        return (instance, account.Require("access_token"));
    }

    /// <summary>An id for a URL path: Mastodon's ids are digits (snowflakes) or, on forks, other safe strings; anything else is refused.</summary>
    public static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw PlatformException.Rejected("That is not a Mastodon id.");
        }

        return id;
    }
}
