namespace Extensible.Sdk.Connectors;

/// <summary>Kinds of posts a network takes.</summary>
[Flags]
public enum ContentKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Text only.</summary>
    Text = 1,

    /// <summary>One image (with text).</summary>
    Image = 2,

    /// <summary>One video (with text).</summary>
    Video = 4,

    /// <summary>Several images or videos in one post.</summary>
    Carousel = 8,

    /// <summary>A thread of posts, each replying to the previous.</summary>
    Thread = 16,
}
