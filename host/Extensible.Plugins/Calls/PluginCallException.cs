namespace Extensible.Plugins.Calls;

/// <summary>A guarded call into a plugin failed; the host goes on. The plugin's own exception is not kept (it would pin the plugin in memory).</summary>
public sealed class PluginCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginCallException(string pluginId, PluginCallFailure failure, string message) : base(message)
    {
        PluginId = pluginId;
        Failure = failure;
    }

    /// <summary>Creates the exception.</summary>
    public PluginCallException() : this("", PluginCallFailure.Threw, "A plugin call failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginCallException(string message) : this("", PluginCallFailure.Threw, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginCallException(string message, Exception inner) : base(message, inner) => PluginId = "";

    /// <summary>The plugin.</summary>
    public string PluginId { get; }

    /// <summary>Why the call failed.</summary>
    public PluginCallFailure Failure { get; }
}
