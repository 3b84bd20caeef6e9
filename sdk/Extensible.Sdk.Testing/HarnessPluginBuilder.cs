using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Sdk.Testing;

/// <summary>Collects a plugin's registrations the way the host does, refusing what the host refuses.</summary>
internal sealed class HarnessPluginBuilder(string pluginId) : IPluginBuilder
{
    public string PluginId { get; } = pluginId;

    public Type? SettingsType { get; private set; }

    public List<Func<IPluginContext, IPlatformConnector>> Connectors { get; } = [];

    public List<Func<IPluginContext, IContentRule>> ContentRules { get; } = [];

    public List<Func<IPluginContext, IModerationStep>> ModerationSteps { get; } = [];

    public List<Func<IPluginContext, IInfluencerSource>> InfluencerSources { get; } = [];

    public List<Func<IPluginContext, IListeningSource>> ListeningSources { get; } = [];

    public void UseSettings<TSettings>()
        where TSettings : class, new()
    {
        if (SettingsType is not null)
        {
            throw new InvalidOperationException($"The plugin declared its settings twice ({SettingsType.Name}, then {typeof(TSettings).Name}); a plugin has one settings class.");
        }

        if (SettingsRules.Class(typeof(TSettings)) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        SettingsType = typeof(TSettings);
    }

    public void AddConnector(Func<IPluginContext, IPlatformConnector> create) => Connectors.Add(Checked(create));

    public void AddContentRule(Func<IPluginContext, IContentRule> create) => ContentRules.Add(Checked(create));

    public void AddModerationStep(Func<IPluginContext, IModerationStep> create) => ModerationSteps.Add(Checked(create));

    public void AddInfluencerSource(Func<IPluginContext, IInfluencerSource> create) => InfluencerSources.Add(Checked(create));

    public void AddListeningSource(Func<IPluginContext, IListeningSource> create) => ListeningSources.Add(Checked(create));

    private static T Checked<T>(T create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return create;
    }
}
