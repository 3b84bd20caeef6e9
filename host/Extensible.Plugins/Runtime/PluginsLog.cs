using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Runtime;

/// <summary>The plugin runtime's log messages.</summary>
internal static partial class PluginsLog
{
    [LoggerMessage(1, LogLevel.Information, "Plugin {PluginId} {Version} is running ({Origin}).")]
    public static partial void Running(ILogger logger, string pluginId, string version, string origin);

    [LoggerMessage(2, LogLevel.Warning, "Plugin {PluginId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string pluginId, string reason);

    [LoggerMessage(3, LogLevel.Information, "Plugin {PluginId} is disabled.")]
    public static partial void Disabled(ILogger logger, string pluginId);

    [LoggerMessage(4, LogLevel.Error, "Plugin {PluginId} could not be unloaded: {Reason}")]
    public static partial void UnloadFailed(ILogger logger, string pluginId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "A call into plugin {PluginId} failed ({Operation}): {Message}")]
    public static partial void CallFailed(ILogger logger, string pluginId, string operation, string message);

    [LoggerMessage(6, LogLevel.Warning, "The installed plugin folder {Folder} has the id of a bundled plugin and is ignored: bundled plugins cannot be replaced.")]
    public static partial void ShadowsBundled(ILogger logger, string folder);

    [LoggerMessage(7, LogLevel.Error, "The plugin runtime could not follow a plugin change.")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Plugin {PluginId} {Version} was installed from {Source} by {Actor}.")]
    public static partial void Installed(ILogger logger, string pluginId, string version, string source, string actor);

    [LoggerMessage(9, LogLevel.Information, "Plugin {PluginId} was uninstalled by {Actor}.")]
    public static partial void Uninstalled(ILogger logger, string pluginId, string actor);

    [LoggerMessage(10, LogLevel.Warning, "A plugin event could not be recorded.")]
    public static partial void EventNotRecorded(ILogger logger, Exception exception);
}
