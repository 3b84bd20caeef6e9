namespace Extensible.Sdk.Connectors;

/// <summary>
/// A network-specific option of a post (a board, a privacy level, a title), described by the connector in
/// <see cref="PlatformProfile.PostOptions"/>; the composer renders it and the host checks values against it before
/// scheduling. Values reach the connector as strings in the post's options, by <see cref="Key"/>.
/// </summary>
public sealed record PostOptionField
{
    /// <summary>The most characters a text option's value may have.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The option's key in the post's options: stable, lower-case (<c>audience</c>, <c>board</c>).</summary>
    public required string Key { get; init; }

    /// <summary>What the person reads beside the field.</summary>
    public required string Label { get; init; }

    /// <summary>How it is asked for.</summary>
    public PostOptionKind Kind { get; init; } = PostOptionKind.Text;

    /// <summary>The values a <see cref="PostOptionKind.Choice"/> option may take, in the order shown.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary><see langword="true"/> when a post cannot be scheduled for this network without a value.</summary>
    public bool Required { get; init; }

    /// <summary>A line of help shown under the field; <see langword="null"/> for none.</summary>
    public string? Help { get; init; }

    /// <summary>What is wrong with <paramref name="value"/> for this option, in words; <see langword="null"/> when it is fine.</summary>
    /// <param name="value">The value given, or <see langword="null"/> when none was.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Required ? $"{Label} is required." : null;
        }

        return Kind switch
        {
            PostOptionKind.Choice when !Choices.Contains(value, StringComparer.Ordinal) => $"{Label} must be one of: {string.Join(", ", Choices)}.",
            PostOptionKind.Boolean when value is not ("true" or "false") => $"{Label} is true or false.",
            PostOptionKind.Text when value.Length > MaxTextLength => $"{Label} is at most {MaxTextLength} characters.",
            _ => null,
        };
    }
}
