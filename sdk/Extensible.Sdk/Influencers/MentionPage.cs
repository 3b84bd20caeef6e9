using Extensible.Sdk.Connectors;

namespace Extensible.Sdk.Influencers;

/// <summary>A page of public mentions found by a listening source.</summary>
/// <param name="PlatformKey">The network's key the mentions come from.</param>
/// <param name="Mentions">The mentions, oldest first (untrusted text).</param>
/// <param name="NextCursor">Where the next page starts.</param>
public sealed record MentionPage(string PlatformKey, IReadOnlyList<InboxItem> Mentions, string? NextCursor);
