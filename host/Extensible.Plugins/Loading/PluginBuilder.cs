using Extensible.Sdk;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Loading;

/// <summary>Records what a plugin registers: its settings class and its capability factories.</summary>
internal sealed class PluginBuilder(string pluginId) : IPluginBuilder
{
    public string PluginId => pluginId;

    public Type? SettingsType { get; private set; }

    public List<Func<IPluginContext, IPlatformConnector>> Connectors { get; } = [];

    public List<Func<IPluginContext, IContentRule>> ContentRules { get; } = [];

    public List<Func<IPluginContext, IModerationStep>> ModerationSteps { get; } = [];

    public List<Func<IPluginContext, IInfluencerSource>> InfluencerSources { get; } = [];

    public List<Func<IPluginContext, IListeningSource>> ListeningSources { get; } = [];

    public void UseSettings<TSettings>() where TSettings : class, new() => SettingsType = typeof(TSettings);

    public void AddConnector(Func<IPluginContext, IPlatformConnector> create) => Connectors.Add(create ?? throw new ArgumentNullException(nameof(create)));

    public void AddContentRule(Func<IPluginContext, IContentRule> create) => ContentRules.Add(create ?? throw new ArgumentNullException(nameof(create)));

    public void AddModerationStep(Func<IPluginContext, IModerationStep> create) => ModerationSteps.Add(create ?? throw new ArgumentNullException(nameof(create)));

    public void AddInfluencerSource(Func<IPluginContext, IInfluencerSource> create) => InfluencerSources.Add(create ?? throw new ArgumentNullException(nameof(create)));

    public void AddListeningSource(Func<IPluginContext, IListeningSource> create) => ListeningSources.Add(create ?? throw new ArgumentNullException(nameof(create)));
}
