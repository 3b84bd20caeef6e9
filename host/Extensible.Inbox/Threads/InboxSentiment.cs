using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Threads;

/// <summary>
/// An item's tone as events and the read model store it (<c>negative</c>, <c>neutral</c>, <c>positive</c>; none when nobody
/// judged it), and the filter's <see cref="Unknown"/> for threads without one.
/// </summary>
public static class InboxSentiment
{
    /// <summary>Unhappy, angry or abusive.</summary>
    public const string Negative = "negative";

    /// <summary>Neither.</summary>
    public const string Neutral = "neutral";

    /// <summary>Happy.</summary>
    public const string Positive = "positive";

    /// <summary>The filter for threads none of whose items has a sentiment (never stored).</summary>
    public const string Unknown = "unknown";

    /// <summary>Every sentiment an item can have.</summary>
    public static IReadOnlyList<string> All { get; } = [Negative, Neutral, Positive];

    /// <summary>Every value the filter takes: <see cref="All"/> and <see cref="Unknown"/>.</summary>
    public static IReadOnlyList<string> Filters { get; } = [.. All, Unknown];

    /// <summary>Whether <paramref name="sentiment"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? sentiment) => sentiment is not null && All.Contains(sentiment, StringComparer.Ordinal);

    /// <summary>Whether a moderator may set an item to <paramref name="sentiment"/>: one of <see cref="All"/>, or <see cref="Unknown"/> to clear it.</summary>
    public static bool IsSettable(string? sentiment) => IsKnown(sentiment) || sentiment == Unknown;

    /// <summary>What a moderator is told when the value is none of those <see cref="IsSettable"/> takes.</summary>
    public static string SettableMessage { get; } = $"Sentiment must be one of: {string.Join(", ", Filters)} (to clear it).";

    /// <summary>The stored name of a plugin's <paramref name="sentiment"/>; null for none (or a value the SDK does not define).</summary>
    public static string? Stored(Sentiment? sentiment) => sentiment switch
    {
        Sentiment.Negative => Negative,
        Sentiment.Neutral => Neutral,
        Sentiment.Positive => Positive,
        _ => null,
    };
}
