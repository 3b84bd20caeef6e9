namespace Extensible.Sdk.Connectors;

/// <summary>How a network counts a text's length. <see cref="TextLength.Count"/> counts the way each one does.</summary>
public enum LengthCounting
{
    /// <summary>User-perceived characters (grapheme clusters): Bluesky, Threads.</summary>
    Graphemes = 0,

    /// <summary>UTF-16 code units: Facebook, Instagram, LinkedIn, Pinterest, YouTube, TikTok.</summary>
    Utf16 = 1,

    /// <summary>Unicode code points, every link counted as 23 (Mastodon).</summary>
    CodePointsLinksAs23 = 2,

    /// <summary>X's weighted count: most scripts weigh 2, Latin and common punctuation 1, every link 23, emoji 2.</summary>
    XWeighted = 3,
}
