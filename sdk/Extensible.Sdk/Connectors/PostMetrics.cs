namespace Extensible.Sdk.Connectors;

/// <summary>A post's metrics at one moment. Counts the network does not report stay <see langword="null"/>.</summary>
public sealed record PostMetrics
{
    /// <summary>When the network measured (or the connector asked).</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary>Times shown.</summary>
    public long? Impressions { get; init; }

    /// <summary>Distinct people reached.</summary>
    public long? Reach { get; init; }

    /// <summary>Likes, favourites, reactions.</summary>
    public long? Likes { get; init; }

    /// <summary>Comments and replies.</summary>
    public long? Comments { get; init; }

    /// <summary>Shares, reposts, boosts.</summary>
    public long? Shares { get; init; }

    /// <summary>Saves and bookmarks.</summary>
    public long? Saves { get; init; }

    /// <summary>Link clicks.</summary>
    public long? Clicks { get; init; }

    /// <summary>Video views.</summary>
    public long? VideoViews { get; init; }

    /// <summary>Other counts the network reports, by the connector's own names.</summary>
    public IReadOnlyDictionary<string, long> Other { get; init; } = new Dictionary<string, long>();
}
