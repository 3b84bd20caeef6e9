namespace Extensible.Plugins.Settings;

/// <summary>How a settings property is edited.</summary>
public enum SettingsFieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text (<c>[DataType(DataType.MultilineText)]</c>).</summary>
    MultilineText,

    /// <summary>A whole or decimal number.</summary>
    Number,

    /// <summary>On or off.</summary>
    Toggle,

    /// <summary>One of <see cref="SettingsField.Choices"/> (an enum).</summary>
    Choice,

    /// <summary>An absolute URL.</summary>
    Url,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A <c>[Secret]</c>: write-only, encrypted at rest, never shown back.</summary>
    Secret,
}
