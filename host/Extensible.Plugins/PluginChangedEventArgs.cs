namespace Extensible.Plugins;

/// <summary>A plugin changed: installed, upgraded, enabled, disabled, failed, uninstalled or reconfigured.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="What">What happened, in words (<c>disabled</c>, <c>settings saved</c>).</param>
public sealed class PluginChangedEventArgs(string PluginId, string What) : EventArgs
{
    /// <summary>The plugin.</summary>
    public string PluginId { get; } = PluginId;

    /// <summary>What happened, in words.</summary>
    public string What { get; } = What;
}
