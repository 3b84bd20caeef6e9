namespace Extensible.Publishing.Media;

/// <summary>Why a network will not take some of a post's media, in words for the person composing.</summary>
/// <param name="MediaId">The item concerned, or null for the set as a whole (too many items).</param>
/// <param name="Message">What is wrong.</param>
public sealed record MediaProblem(Guid? MediaId, string Message);
