namespace Extensible.Publishing.Posts;

/// <summary>One live counter of the composer: how long a text is for a network, against its limit.</summary>
/// <param name="Field">The text counted: <c>text</c>, <c>threadParts[0]</c>, <c>firstComment</c>.</param>
/// <param name="Count">Its length as the network counts it.</param>
/// <param name="Limit">The network's limit.</param>
public sealed record TextCounter(string Field, int Count, int Limit)
{
    /// <summary>What is left; negative when the text is too long.</summary>
    public int Remaining => Limit - Count;
}
