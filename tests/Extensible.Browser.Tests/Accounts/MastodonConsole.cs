using Extensible.Browser.Tests.Support;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Testing.Networks.Mastodon;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Accounts;

/// <summary>
/// An owned console with the bundled plugins (the Mastodon connector among them) and a fake Mastodon instance on
/// loopback, which the host may call because the operator allowed private networks.
/// </summary>
public sealed class MastodonConsole : OwnedConsole
{
    private FakeMastodon? _instance;

    public FakeMastodon Instance => _instance ?? throw new InvalidOperationException("Started by ArrangeAsync.");

    public AccountVault Vault => Host.Services.GetRequiredService<AccountVault>();

    protected override string[] HostArguments =>
    [
        .. base.HostArguments, $"--Extensible:Plugins:BundledPath={BundledPlugins.HostBuildOutputFolder()}", "--Extensible:Plugins:AllowPrivateNetworks=true",
    ];

    protected override async Task ArrangeAsync()
    {
        _instance = await FakeMastodon.StartAsync();
        await Eventually.HoldsAsync(() => Vault.FindConnector("extensible.mastodon", "mastodon") is not null, "the bundled Mastodon connector runs");
    }

    protected override async Task CleanUpAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}
