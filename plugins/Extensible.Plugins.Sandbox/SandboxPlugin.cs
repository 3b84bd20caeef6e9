using Extensible.Plugins.Sandbox.Moderation;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Rules;
using Extensible.Sdk;

namespace Extensible.Plugins.Sandbox;

/// <summary>
/// The sandbox network: a simulated social network to connect, publish to and moderate without credentials, with a
/// sample content rule and a sample moderation step. Everything it shows is labelled as a sandbox.
/// </summary>
public sealed class SandboxPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseSettings<SandboxSettings>();
        plugin.AddConnector(context => new SandboxConnector(context));
        plugin.AddContentRule(context => new BannedWordsRule(context));
        plugin.AddModerationStep(_ => new KeywordTriageStep());
    }
}
