using Extensible.Browser.Tests.Support;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Publishing;

/// <summary>Olive's console with the sandbox network running (as shipped) and three sandbox accounts connected to Acme.</summary>
public sealed class PublishingConsole : OwnedConsole
{
    public const string SandboxPlugin = "extensible.sandbox";

    /// <summary>The connected accounts, in the order they were connected (@sandbox-brand-1, -2, -3).</summary>
    public IReadOnlyList<Guid> Accounts { get; private set; } = [];

    protected override string[] HostArguments => [.. base.HostArguments, $"--Extensible:Plugins:BundledPath={BundledPlugins.HostBuildOutputFolder()}"];

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        var owner = await Directory.FindUserByEmailAsync(OwnerEmail) ?? throw new InvalidOperationException("The owner was not bootstrapped.");
        var service = Host.Services.GetRequiredService<AccountService>();
        var accounts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            accounts.Add(await service.ConnectWithoutCredentialsAsync(WorkspaceId, SandboxPlugin, "sandbox", OwnerEmail, owner.Id, CancellationToken.None));
        }

        Accounts = accounts;
    }
}
