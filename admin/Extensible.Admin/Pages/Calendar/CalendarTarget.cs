namespace Extensible.Admin.Pages.Calendar;

/// <summary>One account a post goes to, and how far it got there.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PlatformKey">Its network's key.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Status">draft, scheduled, publishing, published, retrying, failed, needs_decision, dropped or deleted.</param>
/// <param name="Attempt">How many attempts were made.</param>
/// <param name="DueAt">When the publisher acts next.</param>
/// <param name="Url">The published post's address.</param>
/// <param name="Failure">The failure's class.</param>
/// <param name="Message">What went wrong, in the product's words.</param>
/// <param name="PlatformMessage">What the network said.</param>
/// <param name="PublishedAt">When it went out.</param>
public sealed record CalendarTarget(
    Guid AccountId, string PlatformKey, string Handle, string DisplayName, string Status, int Attempt, DateTimeOffset? DueAt, string? Url,
    string? Failure, string? Message, string? PlatformMessage, DateTimeOffset? PublishedAt)
{
    /// <summary>The text this account gets when its variant has its own, else null (the post's shared text).</summary>
    public string? VariantText { get; init; }
}
