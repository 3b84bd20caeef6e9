using System.ComponentModel.DataAnnotations;

namespace Extensible.Sdk.Testing.Settings;

/// <summary>
/// Validates a plugin's settings with the rule the host applies before it saves them (<see cref="SettingsRules.Validate"/>):
/// every DataAnnotations attribute of every setting and of the class, then <see cref="IValidatableObject"/>.
/// </summary>
public static class PluginSettings
{
    /// <summary>Lists what is wrong with <paramref name="settings"/>.</summary>
    /// <param name="settings">An instance of the plugin's settings class.</param>
    /// <returns>The problems; empty when the host would accept the settings.</returns>
    public static IReadOnlyList<ValidationResult> Validate(object settings) => SettingsRules.Validate(settings);

    /// <summary>Throws when the host would refuse <paramref name="settings"/>.</summary>
    /// <param name="settings">An instance of the plugin's settings class.</param>
    /// <exception cref="PluginSettingsException">Listing every problem.</exception>
    public static void EnsureValid(object settings)
    {
        var problems = Validate(settings);
        if (problems.Count > 0)
        {
            throw new PluginSettingsException(
                $"The {settings.GetType().Name} settings are not valid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}", problems);
        }
    }
}
