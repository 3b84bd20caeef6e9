using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk;

namespace Extensible.Plugins.Mastodon;

/// <summary>The Mastodon plugin: one connector, <c>mastodon</c>, for accounts on any instance.</summary>
public sealed class MastodonPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseSettings<MastodonSettings>();
        plugin.AddConnector(context => new MastodonConnector(context));
    }
}
