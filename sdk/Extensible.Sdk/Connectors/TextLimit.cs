namespace Extensible.Sdk.Connectors;

/// <summary>A network's text limit.</summary>
/// <param name="MaxLength">The most a post's text may count, as <paramref name="Counting"/> counts it.</param>
/// <param name="Counting">How the network counts length.</param>
public sealed record TextLimit(int MaxLength, LengthCounting Counting)
{
    /// <summary>Counts <paramref name="text"/> the way this network does.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its length for this network.</returns>
    public int Count(string text) => TextLength.Count(text, Counting);

    /// <summary>How much of the limit is left after <paramref name="text"/>; negative when it is too long.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see cref="MaxLength"/> minus the text's length for this network.</returns>
    public int Remaining(string text) => MaxLength - Count(text);

    /// <summary>Whether <paramref name="text"/> fits this network's limit.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when its length for this network is at most <see cref="MaxLength"/>.</returns>
    public bool Allows(string text) => Remaining(text) >= 0;
}
