namespace Extensible.Admin.Pages.Compose;

/// <summary>The autosave's answer: the post's id (kept in the form from then on) and when it was saved, or why it was not.</summary>
/// <param name="PostId">The post, once saved.</param>
/// <param name="SavedAt">"14:02" in the person's zone, or <see langword="null"/> when nothing was saved.</param>
/// <param name="Problem">Why it was not saved.</param>
public sealed record ComposeSaved(Guid? PostId, string? SavedAt, string? Problem)
{
    /// <summary>The id of the status line.</summary>
    public const string ElementId = "compose-saved";

    /// <summary>The id of the form's hidden post id input.</summary>
    public const string PostIdInput = "compose-post-id";
}
