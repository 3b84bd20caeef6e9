using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Installation;
using Extensible.Plugins.Loading;
using Extensible.Plugins.Manifest;

namespace Extensible.Plugins.Runtime;

/// <summary>What this node knows of one plugin folder.</summary>
internal sealed class PluginEntry(string id, PluginFolder folder, PluginCallGuard guard)
{
    public string Id => id;

    public PluginFolder Folder { get; set; } = folder;

    public PluginManifest? Manifest { get; set; }

    public PluginState State { get; set; } = PluginState.Disabled;

    public string? FailureReason { get; set; }

    public string? UnloadProblem { get; set; }

    public LoadedPlugin? Loaded { get; set; }

    public PluginCallGuard Guard { get; set; } = guard;

    public IReadOnlyDictionary<string, string?> Settings { get; set; } = new Dictionary<string, string?>();

    public PluginSummary ToSummary() => new()
    {
        Id = id,
        Name = Manifest?.Name ?? id,
        Version = Manifest?.Version ?? "",
        Author = Manifest?.Author ?? "",
        Description = Manifest?.Description ?? "",
        Links = Manifest?.Links ?? [],
        Origin = Folder.Origin,
        State = State,
        FailureReason = State == PluginState.Failed ? FailureReason : null,
        UnloadProblem = UnloadProblem,
        IsSandbox = Manifest?.Sandbox ?? false,
        Capabilities = Loaded?.Describe() ?? [],
        Calls = Guard.Stats,
        HasSettings = Loaded?.SettingsType is not null,
    };
}
