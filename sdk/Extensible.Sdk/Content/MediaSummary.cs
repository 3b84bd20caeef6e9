namespace Extensible.Sdk.Content;

/// <summary>What a rule may know of an attached image or video.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="AltText">Its alt text, if any.</param>
public sealed record MediaSummary(string FileName, string ContentType, long Length, string? AltText);
