namespace Extensible.Publishing.Posts;

/// <summary>One account a post goes to, with its variant (what differs from the shared content there).</summary>
/// <param name="AccountId">The connected account.</param>
/// <param name="Variant">Overrides of the shared content for this account; <see langword="null"/> for none.</param>
public sealed record PostTarget(Guid AccountId, PostContentDraft? Variant);
