namespace Extensible.Sdk.Influencers;

/// <summary>A creator's public profile and metrics at one moment (untrusted text).</summary>
public sealed record InfluencerProfile
{
    /// <summary>The network's key (<c>mastodon</c>).</summary>
    public required string PlatformKey { get; init; }

    /// <summary>The profile's id on the network.</summary>
    public required string PlatformUserId { get; init; }

    /// <summary>The handle.</summary>
    public required string Handle { get; init; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The public page.</summary>
    public Uri? ProfileUrl { get; init; }

    /// <summary>The profile's own description.</summary>
    public string? Bio { get; init; }

    /// <summary>Followers.</summary>
    public long? Followers { get; init; }

    /// <summary>Posts published.</summary>
    public long? Posts { get; init; }

    /// <summary>Average engagement per post divided by followers (0.034 = 3.4 %), when known.</summary>
    public double? EngagementRate { get; init; }

    /// <summary>When these numbers were read.</summary>
    public required DateTimeOffset MeasuredAt { get; init; }
}
