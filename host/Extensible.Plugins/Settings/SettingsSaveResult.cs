namespace Extensible.Plugins.Settings;

/// <summary>The outcome of saving settings: saved, or the validation messages per field (nothing saved).</summary>
/// <param name="Errors">Messages by field name; the empty string keys messages about the whole object.</param>
public sealed record SettingsSaveResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    /// <summary>Whether the settings were valid and saved.</summary>
    public bool Saved => Errors.Count == 0;

    /// <summary>Saved.</summary>
    public static SettingsSaveResult Success { get; } = new(new Dictionary<string, IReadOnlyList<string>>());
}
