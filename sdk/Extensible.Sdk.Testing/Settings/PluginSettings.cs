using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Extensible.Sdk.Testing.Settings;

/// <summary>Validates a plugin's settings the way the host does before it saves them: every DataAnnotations attribute of every property, and <see cref="IValidatableObject"/>.</summary>
public static class PluginSettings
{
    /// <summary>Lists what is wrong with <paramref name="settings"/>.</summary>
    /// <param name="settings">An instance of the plugin's settings class.</param>
    /// <returns>The problems; empty when the host would accept the settings.</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Settings classes are kept by the plugin that declares them.")]
    public static IReadOnlyList<ValidationResult> Validate(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true);
        return problems;
    }

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
