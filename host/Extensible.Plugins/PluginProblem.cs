namespace Extensible.Plugins;

/// <summary>Why an operation on plugins was refused.</summary>
public enum PluginProblem
{
    /// <summary>No plugin has that id.</summary>
    NotFound,

    /// <summary>The archive or its manifest is not an acceptable plugin (too big, unsafe paths, bad manifest, SDK mismatch).</summary>
    InvalidPlugin,

    /// <summary>The operation does not fit the plugin's state (uninstalling a bundled plugin, settings of a plugin that is not running).</summary>
    Conflict,
}
