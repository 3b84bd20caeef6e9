using System.Reflection;
using Extensible.Sdk;

namespace Extensible.Plugins.Settings;

/// <summary>Turns stored settings (invariant text, secrets encrypted) into a plugin's settings object, a form, or new stored values.</summary>
internal sealed class PluginSettingsStore(SettingsVault vault)
{
    public object Bind(string pluginId, Type settingsType, IReadOnlyDictionary<string, string?> stored)
    {
        var settings = Activator.CreateInstance(settingsType)!;
        foreach (var property in SettingsRules.Properties(settingsType))
        {
            if (!stored.TryGetValue(property.Name, out var text))
            {
                continue;
            }

            if (SettingsRules.IsSecret(property))
            {
                text = vault.Unprotect(pluginId, property.Name, text);
            }

            if (SettingsSchema.TryParse(property, text, out var value, out _))
            {
                property.SetValue(settings, value);
            }
        }

        return settings;
    }

    public static SettingsForm Describe(string pluginId, Type settingsType, IReadOnlyDictionary<string, string?> stored)
    {
        var defaults = Activator.CreateInstance(settingsType)!;
        var fields = new List<SettingsField>();
        foreach (var property in SettingsRules.Properties(settingsType))
        {
            var secret = SettingsRules.IsSecret(property);
            stored.TryGetValue(property.Name, out var text);
            var isSet = secret ? !string.IsNullOrEmpty(text) : false;
            var value = secret ? null : stored.ContainsKey(property.Name) ? text : SettingsSchema.Format(property.GetValue(defaults));
            fields.Add(SettingsSchema.Describe(property, value, isSet));
        }

        return new SettingsForm(pluginId, fields);
    }

    /// <summary>Validates new values; returns the values to store (secrets encrypted) or the errors per field.</summary>
    public (Dictionary<string, string?>? Stored, Dictionary<string, List<string>> Errors) Prepare(
        string pluginId, Type settingsType, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string?> current)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var properties = SettingsRules.Properties(settingsType).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var name in values.Keys.Where(k => !properties.ContainsKey(k)))
        {
            SettingsSchema.Add(errors, name, "There is no such setting.");
        }

        var settings = Bind(pluginId, settingsType, current);
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in properties.Values)
        {
            var given = values.FirstOrDefault(v => string.Equals(v.Key, property.Name, StringComparison.OrdinalIgnoreCase));
            var secret = SettingsRules.IsSecret(property);
            if (given.Key is null || (secret && string.IsNullOrEmpty(given.Value)))
            {
                // Not given, or a secret left empty: keep what is stored.
                if (current.TryGetValue(property.Name, out var kept))
                {
                    stored[property.Name] = kept;
                }

                continue;
            }

            if (!SettingsSchema.TryParse(property, given.Value, out var value, out var error))
            {
                SettingsSchema.Add(errors, property.Name, error!);
                continue;
            }

            property.SetValue(settings, value);
            var text = SettingsSchema.Format(value);
            stored[property.Name] = secret && text is not null ? vault.Protect(pluginId, property.Name, text) : text;
        }

        if (errors.Count == 0)
        {
            foreach (var (field, messages) in SettingsSchema.Validate(settings))
            {
                errors[field] = messages;
            }
        }

        return (errors.Count == 0 ? stored : null, errors);
    }

    public static bool IsSecret(Type settingsType, string name) =>
        settingsType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property && SettingsRules.IsSecret(property);
}
