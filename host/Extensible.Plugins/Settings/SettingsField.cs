namespace Extensible.Plugins.Settings;

/// <summary>One property of a plugin's settings class, described for a form.</summary>
public sealed record SettingsField
{
    /// <summary>The property's name: the form field's and the JSON member's name.</summary>
    public required string Name { get; init; }

    /// <summary>The label (<c>[Display(Name)]</c>, else the property name in words).</summary>
    public required string Label { get; init; }

    /// <summary>Help text (<c>[Display(Description)]</c> or <c>[Description]</c>).</summary>
    public string? Description { get; init; }

    /// <summary>How it is edited.</summary>
    public required SettingsFieldKind Kind { get; init; }

    /// <summary><c>[Required]</c>.</summary>
    public bool Required { get; init; }

    /// <summary>The current value as invariant text; always <see langword="null"/> for secrets.</summary>
    public string? Value { get; init; }

    /// <summary>For secrets: whether a value is stored (the form says "set" without showing it).</summary>
    public bool IsSet { get; init; }

    /// <summary>The allowed values of a <see cref="SettingsFieldKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary><c>[Range]</c> minimum, as invariant text.</summary>
    public string? Minimum { get; init; }

    /// <summary><c>[Range]</c> maximum, as invariant text.</summary>
    public string? Maximum { get; init; }

    /// <summary><c>[StringLength]</c> / <c>[MaxLength]</c>.</summary>
    public int? MaxLength { get; init; }
}
