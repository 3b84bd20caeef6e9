using Extensible.Browser.Tests.Support;
using Extensible.Plugins.Bluesky.Tests.FakePds;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Connectors;

/// <summary>
/// An owned console running the bundled plugins as shipped (the Bluesky connector among them), allowed to reach a
/// network on this machine and polling inboxes every second, and a fake PDS on loopback with the brand's account.
/// </summary>
public sealed class BlueskyConsole : OwnedConsole
{
    public const string Handle = "brand.test";
    public const string AppPassword = "abcd-efgh-ijkl-mnop";

    public FakePds Pds { get; private set; } = null!;

    public AccountVault Vault => Host.Services.GetRequiredService<AccountVault>();

    protected override string[] HostArguments =>
    [
        .. base.HostArguments, $"--Extensible:Plugins:BundledPath={BundledPlugins.HostBuildOutputFolder()}",
        "--Extensible:Plugins:AllowPrivateNetworks=true", "--Extensible:Inbox:PollInterval=00:00:01",
    ];

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        Pds = await FakePds.StartAsync(TimeProvider.System);
        Pds.CreateAccount(Handle, AppPassword, "Brand on Bluesky");
        await Eventually.HoldsAsync(() => Vault.FindConnector("extensible.bluesky", "bluesky") is not null, "the bundled Bluesky connector runs");
    }

    protected override async Task CleanUpAsync()
    {
        await Pds.DisposeAsync();
        await base.CleanUpAsync();
    }
}
