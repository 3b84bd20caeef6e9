namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>What a rich-text facet marks.</summary>
internal enum FacetKind
{
    /// <summary>A link (<c>app.bsky.richtext.facet#link</c>).</summary>
    Link,

    /// <summary>A mention of a handle (<c>#mention</c>, resolved to a DID).</summary>
    Mention,

    /// <summary>A hashtag (<c>#tag</c>, without the <c>#</c>).</summary>
    Tag,
}
