using Extensible.Browser.Tests.Support;
using Extensible.Plugins;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Testing.Plugins;
using Extensible.Testing.Plugins.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Accounts;

/// <summary>An owned console with the sandbox network running (as shipped) and the fake OAuth and token networks installed.</summary>
public sealed class AccountsConsole : OwnedConsole
{
    public FakeAuthorizePage Authorize { get; } = new();

    public AccountVault Vault => Host.Services.GetRequiredService<AccountVault>();

    public AccountDirectory Accounts => Host.Services.GetRequiredService<AccountDirectory>();

    protected override string[] HostArguments => [.. base.HostArguments, $"--Extensible:Plugins:BundledPath={BundledPlugins.HostBuildOutputFolder()}"];

    /// <summary>Installs the fake networks, their OAuth network sending people to <see cref="Authorize"/>.</summary>
    public async Task FakeNetworksAsync()
    {
        var address = await Authorize.StartAsync();
        var administration = Host.Services.GetRequiredService<IPluginAdministration>();
        if (Plugins.Find(FakeNetworksPlugin.Id) is null)
        {
            await administration.InstallAsync(new MemoryStream(FakeNetworksPlugin.Build().Archive()), OwnerEmail);
        }

        var saved = await administration.SaveSettingsAsync(FakeNetworksPlugin.Id, new Dictionary<string, string?> { ["AuthorizeUrl"] = new Uri(address, "authorize").AbsoluteUri }, OwnerEmail);
        Assert.True(saved.Saved);
        await Eventually.HoldsAsync(() => Vault.FindConnector(FakeNetworksPlugin.Id, FakeNetworksPlugin.OAuthKey) is not null, "the fake networks run");
    }
}
