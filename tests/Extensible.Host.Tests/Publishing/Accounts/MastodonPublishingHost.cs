namespace Extensible.Host.Tests.Publishing.Accounts;

/// <summary>A publishing host allowed to call a Mastodon instance on loopback (the fake one the tests start).</summary>
public sealed class MastodonPublishingHost : PublishingHost
{
    public MastodonPublishingHost() => Arguments = ["--Extensible:Plugins:AllowPrivateNetworks=true"];
}
