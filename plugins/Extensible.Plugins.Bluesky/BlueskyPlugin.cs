using Extensible.Plugins.Bluesky.Network;
using Extensible.Sdk;

namespace Extensible.Plugins.Bluesky;

/// <summary>The Bluesky connector: accounts of any AT Protocol PDS, connected with an app password.</summary>
public sealed class BlueskyPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseSettings<BlueskySettings>();
        plugin.AddConnector(context => new BlueskyConnector(context));
    }
}
