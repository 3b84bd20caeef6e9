namespace Extensible.Sdk.Connectors;

/// <summary>
/// The tone of an item from the public, as a network, a connector or a moderation step judged it. Moderators filter the
/// inbox by it and can correct it by hand; an item nobody judged has none (leave the property <see langword="null"/>).
/// </summary>
public enum Sentiment
{
    /// <summary>Unhappy, angry or abusive: a complaint, an insult.</summary>
    Negative = 0,

    /// <summary>Neither: a question, a plain statement.</summary>
    Neutral = 1,

    /// <summary>Happy: praise, thanks.</summary>
    Positive = 2,
}
