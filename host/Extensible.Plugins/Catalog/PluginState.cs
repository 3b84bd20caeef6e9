namespace Extensible.Plugins.Catalog;

/// <summary>Where a plugin stands on this node.</summary>
public enum PluginState
{
    /// <summary>Loaded and enabled: its capabilities are in use.</summary>
    Running,

    /// <summary>Found and valid, switched off by an operator; nothing of it is loaded.</summary>
    Disabled,

    /// <summary>Could not be loaded or registered; <see cref="PluginSummary.FailureReason"/> says why.</summary>
    Failed,
}
