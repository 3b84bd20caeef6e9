using Extensible.Plugins.Settings;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>One field of a plugin's settings form as the page renders it.</summary>
/// <param name="Field">The field, as the runtime described it.</param>
/// <param name="Value">The value to show: what was just posted when it was refused, else the stored one (never a secret).</param>
/// <param name="Errors">The messages about it from the last save.</param>
public sealed record SettingsInput(SettingsField Field, string? Value, IReadOnlyList<string> Errors)
{
    /// <summary>The input's element id.</summary>
    public string InputId => $"setting-{Field.Name}";

    /// <summary>The id of the element with the help text and the messages.</summary>
    public string HintId => $"setting-{Field.Name}-hint";

    /// <summary>Whether the toggle is on.</summary>
    public bool IsOn => string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The HTML input type of a one-line field.</summary>
    public string InputType => Field.Kind switch
    {
        SettingsFieldKind.Number => "number",
        SettingsFieldKind.Url => "url",
        SettingsFieldKind.Email => "email",
        SettingsFieldKind.Secret => "password",
        _ => "text",
    };
}
