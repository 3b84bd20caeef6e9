using Extensible.Browser.Tests.Support;
using Extensible.Testing.Hosts;
using Extensible.Testing.Plugins;

namespace Extensible.Browser.Tests.Inbox;

/// <summary>
/// <see cref="InboxConsole"/> on two nodes of one installation: the class's host (node A) and a second host on the same
/// database and key ring (node B), as an operator runs several behind a load balancer. Olive works on node A, Sam on B.
/// </summary>
public sealed class TwoNodeInboxConsole : InboxConsole
{
    private readonly DirectoryInfo _data = System.IO.Directory.CreateTempSubdirectory("extensible-nodes-");
    private ExtensibleTestHost? _nodeB;

    /// <summary>The second node.</summary>
    public ExtensibleTestHost NodeB => _nodeB ?? throw new InvalidOperationException("Started by ArrangeAsync.");

    // Both nodes keep their key ring certificate in one data folder: every node of an installation needs the same one.
    protected override string[] HostArguments => [.. base.HostArguments, $"--Extensible:DataDir={_data.FullName}"];

    /// <summary>A tab on node B where Sam, a moderator, signs in.</summary>
    public async Task<ConsoleTab> ModeratorTabOnNodeBAsync()
    {
        var tab = await OpenTabAsync(NodeB.Address);
        await tab.SignInAsync(ModeratorEmail, Password);
        return tab;
    }

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        _nodeB = await ExtensibleTestHost.StartAsync(Host.ConnectionString, new ExtensibleTestHostOptions
        {
            DataFolder = _data.FullName,
            BundledPluginsFolder = BundledPlugins.HostBuildOutputFolder(),
            Arguments = ["--Extensible:Inbox:Polling=false"],
            QuietLogs = true,
        });
    }

    protected override async Task CleanUpAsync()
    {
        if (_nodeB is not null)
        {
            await _nodeB.DisposeAsync();
        }

        await base.CleanUpAsync();
        _data.Delete(recursive: true);
    }
}
