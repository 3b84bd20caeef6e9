namespace Extensible.Sdk.Connectors;

/// <summary>A network's text limit.</summary>
/// <param name="MaxLength">The most a post's text may count, as <paramref name="Counting"/> counts it.</param>
/// <param name="Counting">How the network counts length.</param>
public sealed record TextLimit(int MaxLength, LengthCounting Counting);
