namespace Extensible.Publishing.Media;

/// <summary>What became of one file of an upload form: the library item, or why it was refused.</summary>
/// <param name="FileName">The name it was sent with.</param>
/// <param name="Upload">The item (new or reused), when accepted.</param>
/// <param name="Problem">Why it was refused (nothing was stored for it).</param>
public sealed record MediaUploadOutcome(string? FileName, MediaUpload? Upload, string? Problem);
