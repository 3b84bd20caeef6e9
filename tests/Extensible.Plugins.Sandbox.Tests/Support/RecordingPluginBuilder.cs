using Extensible.Sdk;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>Keeps what a plugin registers.</summary>
public sealed class RecordingPluginBuilder : IPluginBuilder
{
    public string PluginId => "extensible.sandbox";

    public List<Type> Settings { get; } = [];

    public List<Func<IPluginContext, IPlatformConnector>> Connectors { get; } = [];

    public List<Func<IPluginContext, IContentRule>> ContentRules { get; } = [];

    public List<Func<IPluginContext, IModerationStep>> ModerationSteps { get; } = [];

    public int Sources { get; private set; }

    public void UseSettings<TSettings>() where TSettings : class, new() => Settings.Add(typeof(TSettings));

    public void AddConnector(Func<IPluginContext, IPlatformConnector> create) => Connectors.Add(create);

    public void AddContentRule(Func<IPluginContext, IContentRule> create) => ContentRules.Add(create);

    public void AddModerationStep(Func<IPluginContext, IModerationStep> create) => ModerationSteps.Add(create);

    public void AddInfluencerSource(Func<IPluginContext, IInfluencerSource> create) => Sources++;

    public void AddListeningSource(Func<IPluginContext, IListeningSource> create) => Sources++;
}
