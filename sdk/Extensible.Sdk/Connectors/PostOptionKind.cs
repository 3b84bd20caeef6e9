namespace Extensible.Sdk.Connectors;

/// <summary>How the composer asks for a network-specific post option.</summary>
public enum PostOptionKind
{
    /// <summary>Free text (a title, a link).</summary>
    Text = 0,

    /// <summary>One of <see cref="PostOptionField.Choices"/> (a privacy level, a board).</summary>
    Choice = 1,

    /// <summary>On or off: the value is <c>true</c> or <c>false</c>.</summary>
    Boolean = 2,
}
