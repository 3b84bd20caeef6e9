namespace Extensible.Sdk.Influencers;

/// <summary>A source of influencer profiles and their metrics, for finding and tracking creators.</summary>
public interface IInfluencerSource
{
    /// <summary>The source's key, name and description.</summary>
    CapabilityInfo Info { get; }

    /// <summary>Finds profiles matching a query (a topic, a hashtag, a name).</summary>
    /// <param name="query">What to look for.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<IReadOnlyList<InfluencerProfile>> FindProfilesAsync(string query, CancellationToken cancellationToken);

    /// <summary>Reads one profile's current metrics.</summary>
    /// <param name="platformUserId">The profile's id on its network.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile, or <see langword="null"/> when it no longer exists.</returns>
    Task<InfluencerProfile?> GetProfileAsync(string platformUserId, CancellationToken cancellationToken);
}
