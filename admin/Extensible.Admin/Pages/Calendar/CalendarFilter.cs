namespace Extensible.Admin.Pages.Calendar;

/// <summary>What the calendar shows: posts with at least one target of this account, network and status.</summary>
/// <param name="AccountId">Only this account's posts.</param>
/// <param name="Network">Only posts to this network (platform key).</param>
/// <param name="Status">Only posts with a target in this chip status (draft, scheduled, publishing, published, failed, needs-decision).</param>
public sealed record CalendarFilter(Guid? AccountId = null, string? Network = null, string? Status = null)
{
    /// <summary>No filter.</summary>
    public static CalendarFilter None { get; } = new();

    /// <summary>Whether <paramref name="post"/> passes.</summary>
    public bool Passes(CalendarPost post) => post.Targets.Any(t =>
        (AccountId is null || t.AccountId == AccountId)
        && (Network is null || t.PlatformKey == Network)
        && (Status is null || CalendarText.Chip(t.Status) == Status));
}
