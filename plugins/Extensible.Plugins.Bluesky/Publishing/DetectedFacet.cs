namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>A link, mention or hashtag found in a post's text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="ByteStart">Where it starts, in bytes of the UTF-8 text (inclusive).</param>
/// <param name="ByteEnd">Where it ends, in bytes of the UTF-8 text (exclusive).</param>
/// <param name="Value">The link's URL, the mentioned handle (without <c>@</c>) or the tag (without <c>#</c>).</param>
internal sealed record DetectedFacet(FacetKind Kind, int ByteStart, int ByteEnd, string Value);
