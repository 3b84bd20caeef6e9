namespace Extensible.Plugins.Catalog;

/// <summary>What the console and the API show of one plugin.</summary>
public sealed record PluginSummary
{
    /// <summary>The manifest's id (lower-case, dots and dashes: <c>extensible.sandbox</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The manifest's name.</summary>
    public required string Name { get; init; }

    /// <summary>The manifest's version (semantic).</summary>
    public required string Version { get; init; }

    /// <summary>The manifest's author.</summary>
    public string Author { get; init; } = "";

    /// <summary>The manifest's description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The manifest's links.</summary>
    public IReadOnlyList<PluginLink> Links { get; init; } = [];

    /// <summary>Shipped with the product or installed by an operator.</summary>
    public required PluginOrigin Origin { get; init; }

    /// <summary>Running, disabled or failed.</summary>
    public required PluginState State { get; init; }

    /// <summary>Why the plugin failed; <see langword="null"/> unless <see cref="State"/> is <see cref="PluginState.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>A simulated network or sample: the console labels it as a sandbox everywhere.</summary>
    public bool IsSandbox { get; init; }

    /// <summary>What it registered (empty unless running).</summary>
    public IReadOnlyList<PluginCapability> Capabilities { get; init; } = [];

    /// <summary>Call statistics on this node.</summary>
    public PluginCallStats Calls { get; init; } = PluginCallStats.None;

    /// <summary>
    /// Why the plugin's previous code could not be freed when it was last disabled, upgraded or uninstalled (it stays in
    /// memory until a restart); <see langword="null"/> when every unload was verified.
    /// </summary>
    public string? UnloadProblem { get; init; }

    /// <summary>Whether the plugin declared settings (see <see cref="IPluginCatalog.DescribeSettings"/>).</summary>
    public bool HasSettings { get; init; }
}
