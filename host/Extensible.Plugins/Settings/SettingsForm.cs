namespace Extensible.Plugins.Settings;

/// <summary>A plugin's settings, described field by field with their current values.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="Fields">The fields, in the settings class's declaration order.</param>
public sealed record SettingsForm(string PluginId, IReadOnlyList<SettingsField> Fields);
