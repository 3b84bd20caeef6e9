using Extensible.Plugins.Catalog;
using Extensible.Plugins.Settings;

namespace Extensible.Plugins;

/// <summary>What plugins this node knows and how they are doing: read by the console's Plugins room and the API.</summary>
public interface IPluginCatalog
{
    /// <summary>Every plugin found (bundled and installed), ordered by name.</summary>
    IReadOnlyList<PluginSummary> List();

    /// <summary>One plugin, or <see langword="null"/>.</summary>
    /// <param name="id">The plugin's id.</param>
    PluginSummary? Find(string id);

    /// <summary>The plugin's settings form with current values (secrets never shown).</summary>
    /// <param name="id">The plugin's id.</param>
    /// <returns><see langword="null"/> when the plugin declared no settings.</returns>
    /// <exception cref="PluginOperationException">No such plugin, or it is not running (its settings class is not loaded).</exception>
    SettingsForm? DescribeSettings(string id);

    /// <summary>Raised after any plugin's state, version or settings changed on this node (also when another node caused it).</summary>
    event EventHandler<PluginChangedEventArgs>? Changed;
}
