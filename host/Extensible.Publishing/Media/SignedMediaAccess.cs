namespace Extensible.Publishing.Media;

/// <summary>What a signed media link is worth.</summary>
public enum SignedMediaAccess
{
    /// <summary>Genuine, in time, and the item exists: serve it.</summary>
    Granted,

    /// <summary>Its time is over (410).</summary>
    Expired,

    /// <summary>Not signed here for this item and time (403).</summary>
    Forged,

    /// <summary>Genuine, but the item is no more (404).</summary>
    Gone,
}
