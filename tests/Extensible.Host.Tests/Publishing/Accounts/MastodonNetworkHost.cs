namespace Extensible.Host.Tests.Publishing.Accounts;

/// <summary>
/// A publishing host that works a Mastodon instance on loopback (the fake one the tests start) as it would a real one:
/// allowed to call it, and polling inboxes often.
/// </summary>
public sealed class MastodonNetworkHost : PublishingHost
{
    public MastodonNetworkHost() =>
        Arguments = ["--Extensible:Plugins:AllowPrivateNetworks=true", "--Extensible:Inbox:Polling=true", "--Extensible:Inbox:PollInterval=00:00:01"];
}
