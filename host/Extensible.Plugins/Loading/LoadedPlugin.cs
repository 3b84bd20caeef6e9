using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Loading;

/// <summary>A plugin loaded and registered: its load context and its guarded capabilities. Dropped whole on unload.</summary>
internal sealed class LoadedPlugin
{
    public required PluginLoadContext? Context { get; set; }

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
