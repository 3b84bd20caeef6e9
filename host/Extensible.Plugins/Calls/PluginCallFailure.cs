namespace Extensible.Plugins.Calls;

/// <summary>Why a guarded call into a plugin did not return.</summary>
public enum PluginCallFailure
{
    /// <summary>The plugin threw.</summary>
    Threw,

    /// <summary>The plugin did not answer within the call timeout.</summary>
    TimedOut,

    /// <summary>The plugin's circuit breaker is open after repeated failures: the call was not made.</summary>
    BreakerOpen,

    /// <summary>The plugin was disabled, upgraded or uninstalled: its capability is gone.</summary>
    Unloaded,
}
