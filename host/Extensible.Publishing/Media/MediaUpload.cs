namespace Extensible.Publishing.Media;

/// <summary>What an upload gave: the item, and whether it was already in the library (the same bytes uploaded before).</summary>
/// <param name="Item">The library item.</param>
/// <param name="Reused">True when the workspace had this file already: nothing new was stored.</param>
public sealed record MediaUpload(MediaItem Item, bool Reused);
