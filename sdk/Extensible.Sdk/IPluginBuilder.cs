using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Sdk;

/// <summary>
/// Collects what a plugin contributes. Capabilities are registered as factories: the host calls each factory once the
/// plugin is enabled, handing it the plugin's <see cref="IPluginContext"/>, and drops the instances when the plugin is
/// disabled, upgraded or uninstalled.
/// </summary>
public interface IPluginBuilder
{
    /// <summary>The plugin's id, from its manifest.</summary>
    string PluginId { get; }

    /// <summary>
    /// Declares the plugin's settings: a class with public read-write properties, validated with
    /// <see cref="System.ComponentModel.DataAnnotations"/> attributes. The console renders a form from it; properties
    /// marked <see cref="SecretAttribute"/> are encrypted at rest and never shown back. Read them with
    /// <see cref="IPluginContext.GetSettings{TSettings}"/>. Which property types a setting may have, and how settings are
    /// validated, is <see cref="SettingsRules"/>: a class it refuses keeps the plugin from loading.
    /// </summary>
    /// <typeparam name="TSettings">The settings class; its parameterless constructor gives the defaults.</typeparam>
    void UseSettings<TSettings>() where TSettings : class, new();

    /// <summary>Adds a platform connector: publishing, inbox and metrics for one social network.</summary>
    /// <param name="create">Creates the connector for the plugin's context.</param>
    void AddConnector(Func<IPluginContext, IPlatformConnector> create);

    /// <summary>Adds a content rule that checks (and may rewrite) drafts before they are approved and published.</summary>
    /// <param name="create">Creates the rule for the plugin's context.</param>
    void AddContentRule(Func<IPluginContext, IContentRule> create);

    /// <summary>Adds a moderation workflow step that labels, prioritizes, assigns, answers, hides or escalates inbox items.</summary>
    /// <param name="create">Creates the step for the plugin's context.</param>
    void AddModerationStep(Func<IPluginContext, IModerationStep> create);

    /// <summary>Adds a source of influencer profiles and their metrics.</summary>
    /// <param name="create">Creates the source for the plugin's context.</param>
    void AddInfluencerSource(Func<IPluginContext, IInfluencerSource> create);

    /// <summary>Adds a listening source: public mentions matching a query.</summary>
    /// <param name="create">Creates the source for the plugin's context.</param>
    void AddListeningSource(Func<IPluginContext, IListeningSource> create);
}
