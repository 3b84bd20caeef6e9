using System.Security.Claims;
using Extensible.Admin.Mail;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Settings;

/// <summary>The workspace's own settings, and new workspaces.</summary>
[Authorize(Policy = Policies.ManageWorkspace)]
public sealed class IndexModel(PeopleService people, IConsoleMail mail) : PageModel
{
    public string WorkspaceName { get; private set; } = "";

    public bool Saved { get; private set; }

    /// <summary>Whether the viewer may create workspaces (server operators; owners when the server allows it).</summary>
    public bool MayCreateWorkspace => User.May(Policies.CreateWorkspace);

    /// <summary>Whether a mail server is configured, so a test mail can be sent.</summary>
    public bool MailConfigured => mail.IsConfigured;

    /// <summary>The outcome of the test mail just sent, if any.</summary>
    public MailOutcome? TestMail { get; private set; }

    /// <summary>Where the test mail went: the signed-in person's own address.</summary>
    public string TestMailAddress => User.FindFirstValue(ConsoleClaims.Email) ?? "";

    public void OnGet() => WorkspaceName = User.FindFirst(ConsoleClaims.WorkspaceName)?.Value ?? "";

    public async Task<IActionResult> OnPostRenameAsync(string? name, CancellationToken cancellationToken)
    {
        WorkspaceName = name ?? "";
        try
        {
            await people.RenameWorkspaceAsync(User.WorkspaceId(), name, User.Actor(), cancellationToken);
            Saved = true;
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTestMailAsync(CancellationToken cancellationToken)
    {
        OnGet();
        TestMail = mail.IsConfigured
            ? await mail.SendAsync(new ConsoleMessage(TestMailAddress, "Test mail from Extensible",
                $"This is a test mail from Extensible, sent from the Settings page by {MailText.OneLine(User.FindFirstValue(ConsoleClaims.DisplayName), 100)}.\n\nInvitations will reach people the same way.\n"), cancellationToken)
            : MailOutcome.Failed("no mail server is configured (Extensible:Smtp:Host).");
        return Page();
    }

    [Authorize(Policy = Policies.CreateWorkspace)]
    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        WorkspaceName = User.FindFirst(ConsoleClaims.WorkspaceName)?.Value ?? "";
        try
        {
            var id = await people.CreateWorkspaceAsync(name, User.UserId(), User.Actor(), cancellationToken);
            Response.Cookies.Append(Account.WorkspaceModel.Cookie, id.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return LocalRedirect("/");
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(string? timeZone, [FromServices] global::Extensible.Publishing.Scheduling.PublishingSettings publishing, CancellationToken cancellationToken)
    {
        OnGet();
        try
        {
            await publishing.SetWorkspaceTimeZoneAsync(new global::Extensible.Publishing.PublishingActor(User.WorkspaceId(), User.UserId(), User.Actor()), timeZone, cancellationToken);
            Saved = true;
        }
        catch (global::Extensible.Publishing.Posts.PostValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBusinessHoursAsync(
        bool alwaysOpen, string? closedDates, int? firstResponseTargetMinutes, int? resolutionTargetMinutes,
        [FromServices] global::Extensible.Inbox.Sla.InboxBusinessHours businessHours, CancellationToken cancellationToken)
    {
        OnGet();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var week = global::Extensible.Inbox.Sla.BusinessHoursInput.Week;
            var hours = global::Extensible.Inbox.Sla.BusinessHoursInput.Build(
                alwaysOpen,
                [.. week.SelectMany(d => global::Extensible.Inbox.Sla.BusinessHoursInput.DayLine(d.ToString(), d, Request.Form["day-" + global::Extensible.Inbox.Sla.BusinessHoursInput.Name(d)]))],
                [.. (closedDates ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => ("Closed dates", (string?)d))],
                firstResponseTargetMinutes, resolutionTargetMinutes);
            await businessHours.SetAsync(User.WorkspaceId(), hours, User.UserId(), User.Actor(), cancellationToken);
            Saved = true;
        }
        catch (global::Extensible.Inbox.Sla.BusinessHoursValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }

        return Page();
    }
}
