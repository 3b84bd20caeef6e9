namespace Extensible.Sdk.Influencers;

/// <summary>A listening source: public posts mentioning a brand, product or topic, beyond the accounts' own inboxes.</summary>
public interface IListeningSource
{
    /// <summary>The source's key, name and description.</summary>
    CapabilityInfo Info { get; }

    /// <summary>Reads public mentions matching a query after a cursor.</summary>
    /// <param name="query">The listening query (keywords, hashtags, a handle).</param>
    /// <param name="cursor">Where the previous page ended, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<MentionPage> SearchMentionsAsync(string query, string? cursor, CancellationToken cancellationToken);
}
