using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>
/// The Calendar room: a month or a week of posts in the viewer's zone (their own, else the workspace's), each with its targets' status chips; filters;
/// drag to reschedule; details with the per-target history and the actions (retry, decide, unschedule). It stays live
/// through <see cref="CalendarUpdates"/>. Every changing handler declares <see cref="Policies.Compose"/>.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(CalendarReadModel board, PostBoard postBoard, PostService posts, PublishingSettings settings, TimeProvider clock)
    : RoomPageModel(ConsoleRooms.Calendar)
{
    /// <summary>The days shown.</summary>
    public CalendarView View { get; private set; } = new(CalendarView.Month, new DateOnly(2000, 1, 1), TimeZoneInfo.Utc);

    /// <summary>The filters in force.</summary>
    public CalendarFilter Filter { get; private set; } = CalendarFilter.None;

    /// <summary>The posts shown, in time order.</summary>
    public IReadOnlyList<CalendarPost> Posts { get; private set; } = [];

    /// <summary>The workspace's accounts, for the filter.</summary>
    public IReadOnlyList<ComposeAccount> Accounts { get; private set; } = [];

    /// <summary>Today in the calendar's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), View.Zone).DateTime);

    /// <summary>Whether the viewer may compose (and so act on posts).</summary>
    public bool MayCompose => User.May(Policies.Compose);

    /// <summary>Shows a month (<c>?date=2026-12-01</c>) or a week (<c>?view=week&amp;date=2026-12-07</c>), filtered.</summary>
    public async Task OnGetAsync(string? view, string? date, Guid? account, string? network, string? status, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        var zone = await ViewerZoneAsync(cancellationToken);
        View = CalendarView.Parse(view, date, zone, clock.GetUtcNow());
        Filter = new CalendarFilter(account, string.IsNullOrWhiteSpace(network) ? null : network,
            status is { } s && CalendarText.Chips.Contains(s) ? s : null);
        Accounts = await board.AccountsAsync(workspaceId, cancellationToken);
        Posts = [.. (await board.PostsAsync(workspaceId, View.From, View.To, cancellationToken)).Where(Filter.Passes)];
    }

    /// <summary>A post's details panel (htmx).</summary>
    public async Task<IActionResult> OnGetDetailsAsync(Guid id, CancellationToken cancellationToken) =>
        await DetailsAsync(id, notice: null, withChip: false, cancellationToken);

    /// <summary>
    /// Moves a scheduled post to another day (keeping its time of day) or, in the week view, another hour (keeping its
    /// minutes), in the viewer's zone. A refused move leaves the post where it was and says why.
    /// </summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? date, int? hour, string? choice, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        var zone = await ViewerZoneAsync(cancellationToken);
        var post = await board.PostAsync(workspaceId, id, cancellationToken);
        if (post is null)
        {
            return NotFound();
        }

        if (post.DueAt is not { } due || !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) || !CalendarView.Schedulable(day) || hour is < 0 or > 23)
        {
            return await DetailsAsync(id, new Toast("Only a scheduled post can be moved, to a day of the calendar.", Toast.Error), withChip: true, cancellationToken);
        }

        var current = TimeZoneInfo.ConvertTime(due, zone);
        var local = day.ToDateTime(new TimeOnly(hour ?? current.Hour, current.Minute));
        // The answer to a daylight-saving question: another local time (the gap's end), or which offset of a repeated hour.
        var (answered, offset) = Compose.ComposeQuestion.Parse(choice);
        if (answered is not null && DateTime.TryParseExact(answered, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var chosen))
        {
            local = chosen;
        }

        var at = offset is { } o ? new DateTimeOffset(local, o) : new DateTimeOffset(local, zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local));
        return await ActAsync(id, () => posts.RescheduleAsync(Actor(), id, new LocalDueTime(local, zone.Id, offset), cancellationToken: cancellationToken),
            $"Moved to {CalendarText.When(at, zone)}.", cancellationToken, e => new CalendarMoveQuestion(e.Message, date!, hour, e.Choices));
    }

    /// <summary>Sends a failed target again now.</summary>
    [Authorize(Policy = Policies.Compose)]
    public Task<IActionResult> OnPostRetryAsync(Guid id, Guid account, CancellationToken cancellationToken) =>
        ActAsync(id, () => posts.RetryTargetAsync(Actor(), id, account, cancellationToken: cancellationToken), "Sent again.", cancellationToken);

    /// <summary>Settles a target in doubt: send again, mark as sent, or drop.</summary>
    [Authorize(Policy = Policies.Compose)]
    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid account, TargetDecision decision, string? url, CancellationToken cancellationToken) =>
        ActAsync(id, () => posts.DecideAsync(Actor(), id, account, decision, url, cancellationToken: cancellationToken), decision switch
        {
            TargetDecision.SendAgain => "Sent again.",
            TargetDecision.MarkSent => "Marked as sent.",
            _ => "Dropped.",
        }, cancellationToken);

    /// <summary>Takes a scheduled post back to a draft.</summary>
    [Authorize(Policy = Policies.Compose)]
    public Task<IActionResult> OnPostUnscheduleAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => posts.UnscheduleAsync(Actor(), id, cancellationToken: cancellationToken), "Unscheduled: it is a draft again.", cancellationToken);

    private async Task<IActionResult> ActAsync(
        Guid id, Func<Task<long>> act, string done, CancellationToken cancellationToken, Func<LocalTimeQuestionException, CalendarMoveQuestion>? ask = null)
    {
        Toast notice;
        try
        {
            await act();
            notice = new Toast(done, Toast.Success);
        }
        catch (PostValidationException e)
        {
            notice = new Toast(e.Message, Toast.Error);
        }
        catch (LocalTimeQuestionException e) when (ask is not null)
        {
            // Asked, not guessed: the details show the answers; nothing moved.
            return await DetailsAsync(id, null, withChip: false, cancellationToken, ask(e));
        }
        catch (LocalTimeQuestionException e)
        {
            notice = new Toast($"{e.Message} Open the post in Compose to choose.", Toast.Error);
        }
        catch (PostChangedException)
        {
            notice = new Toast("The post changed meanwhile; here it is as it is now. Try again.", Toast.Error);
        }
        catch (PostNotFoundException e)
        {
            notice = new Toast(e.Message, Toast.Error);
        }

        return await DetailsAsync(id, notice, withChip: true, cancellationToken);
    }

    // The details panel; after an action, with the post's chip moved out of band (as the live push does) and a toast.
    private async Task<IActionResult> DetailsAsync(Guid id, Toast? notice, bool withChip, CancellationToken cancellationToken, CalendarMoveQuestion? question = null)
    {
        var workspaceId = User.WorkspaceId();
        var post = await board.PostAsync(workspaceId, id, cancellationToken);
        if (post is null)
        {
            return NotFound();
        }

        var zone = await ViewerZoneAsync(cancellationToken);
        var lines = await postBoard.HistoryAsync(workspaceId, id, cancellationToken);
        return Partial("_DetailsAnswer", new CalendarDetailsAnswer(
            new CalendarDetails(post, zone, lines, MayCompose) { Question = question }, withChip ? new CalendarPush(id, post, zone) : null, notice));
    }

    private async Task<TimeZoneInfo> ViewerZoneAsync(CancellationToken cancellationToken)
    {
        var id = await settings.DisplayTimeZoneAsync(User.WorkspaceId(), User.UserId(), cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private PublishingActor Actor() => new(User.WorkspaceId(), User.UserId(), User.Actor());
}
