using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;
using McMasterLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace Extensible.Plugins.Loading;

/// <summary>A plugin loaded and registered: its McMaster loader (which owns its load context) and its guarded capabilities. Dropped whole on unload.</summary>
internal sealed class LoadedPlugin
{
    public required McMasterLoader? Loader { get; set; }

    // Weak: only the loader holds the context; unload waits on this until the context is collected.
    public required WeakReference Context { get; init; }

    // Set to null on unload: a Type of the plugin pins its load context.
    public required Type? SettingsType { get; set; }

    public List<GuardedCapability<IPlatformConnector>> Connectors { get; } = [];

    public List<GuardedCapability<IContentRule>> ContentRules { get; } = [];

    public List<GuardedCapability<IModerationStep>> ModerationSteps { get; } = [];

    public List<GuardedCapability<IInfluencerSource>> InfluencerSources { get; } = [];

    public List<GuardedCapability<IListeningSource>> ListeningSources { get; } = [];

    public IReadOnlyList<PluginCapability> Describe() =>
        [.. Connectors.Select(c => c.Description), .. ContentRules.Select(c => c.Description), .. ModerationSteps.Select(c => c.Description),
         .. InfluencerSources.Select(c => c.Description), .. ListeningSources.Select(c => c.Description)];

    /// <summary>Drops every reference to the plugin's objects so the load context can be collected.</summary>
    public void Drop()
    {
        SettingsType = null;
        Connectors.ForEach(c => c.Drop());
        ContentRules.ForEach(c => c.Drop());
        ModerationSteps.ForEach(c => c.Drop());
        InfluencerSources.ForEach(c => c.Drop());
        ListeningSources.ForEach(c => c.Drop());
    }
}
