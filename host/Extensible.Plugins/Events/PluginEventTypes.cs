using Extensible.EventStore;

namespace Extensible.Plugins.Events;

/// <summary>The plugin runtime's event aliases and streams.</summary>
internal static class PluginEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register("plugin_installed", PluginsJsonContext.Default.PluginInstalled)
        .Register("plugin_upgraded", PluginsJsonContext.Default.PluginUpgraded)
        .Register("plugin_enabled", PluginsJsonContext.Default.PluginEnabled)
        .Register("plugin_disabled", PluginsJsonContext.Default.PluginDisabled)
        .Register("plugin_uninstalled", PluginsJsonContext.Default.PluginUninstalled)
        .Register("plugin_failed", PluginsJsonContext.Default.PluginFailed)
        .Register("plugin_settings_saved", PluginsJsonContext.Default.PluginSettingsSaved)
        .Register("plugin_call_failed", PluginsJsonContext.Default.PluginCallFailed)
        .Register("plugin_recorded", PluginsJsonContext.Default.PluginRecorded);

    /// <summary>The stream of a plugin's administration: installs, state, settings, failures.</summary>
    public static string StreamOf(string pluginId) => "plugin:" + pluginId;

    /// <summary>The stream of a plugin's own events.</summary>
    public static string OwnStreamOf(string pluginId) => "plugin-events:" + pluginId;

    /// <summary>The plugin an administration event is about, or null for other events.</summary>
    public static string? PluginOf(object data) => data switch
    {
        PluginInstalled e => e.PluginId,
        PluginUpgraded e => e.PluginId,
        PluginEnabled e => e.PluginId,
        PluginDisabled e => e.PluginId,
        PluginUninstalled e => e.PluginId,
        PluginSettingsSaved e => e.PluginId,
        _ => null,
    };
}
