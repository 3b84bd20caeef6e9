namespace Extensible.Admin.Pages.Calendar;

/// <summary>A post as the calendar and the composer show it: its time, its text and every target's status.</summary>
/// <param name="PostId">The post.</param>
/// <param name="State">draft, scheduled or discarded.</param>
/// <param name="Text">The shared text.</param>
/// <param name="DueAt">When it goes out, or <see langword="null"/> for an unscheduled draft.</param>
/// <param name="TimeZone">The zone the time was chosen in.</param>
/// <param name="LocalTime">The local time as it was chosen.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Version">The post stream's version.</param>
/// <param name="Targets">Its targets, by network and handle.</param>
public sealed record CalendarPost(
    Guid PostId, string State, string Text, DateTimeOffset? DueAt, string? TimeZone, string? LocalTime, DateTimeOffset Updated, long Version,
    IReadOnlyList<CalendarTarget> Targets)
{
    /// <summary>Whether nothing has been sent for any target yet, so its time may still move.</summary>
    public bool IsUnsent => Targets.All(t => t.Status is "draft" or "scheduled");

    /// <summary>"2 of 3 published, 1 failed": how the post stands as a whole.</summary>
    public string Summary
    {
        get
        {
            var published = Targets.Count(t => t.Status == "published");
            var failed = Targets.Count(t => t.Status is "failed" or "retrying");
            var doubtful = Targets.Count(t => t.Status == "needs_decision");
            var parts = new List<string>();
            if (published > 0 || failed > 0)
            {
                parts.Add($"{published} of {Targets.Count} published");
            }

            if (failed > 0)
            {
                parts.Add($"{failed} failed");
            }

            if (doubtful > 0)
            {
                parts.Add($"{doubtful} need a decision");
            }

            return parts.Count == 0 ? CalendarText.PostState(this) : string.Join(", ", parts);
        }
    }
}
