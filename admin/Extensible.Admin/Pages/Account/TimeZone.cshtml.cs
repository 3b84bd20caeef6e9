using Extensible.People;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>The signed-in person's own display time zone in the current workspace.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class TimeZoneModel(PublishingSettings settings) : PageModel
{
    public string WorkspaceZone { get; private set; } = ScheduleTime.DefaultZone;

    public string? PersonalZone { get; private set; }

    public string DisplayZone => PersonalZone ?? WorkspaceZone;

    public bool Saved { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? timeZone, CancellationToken cancellationToken)
    {
        try
        {
            await settings.SetPersonTimeZoneAsync(new PublishingActor(User.WorkspaceId(), User.UserId(), User.Actor()), timeZone, cancellationToken);
            Saved = true;
        }
        catch (PostValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        WorkspaceZone = await settings.WorkspaceTimeZoneAsync(User.WorkspaceId(), cancellationToken);
        PersonalZone = await settings.PersonTimeZoneAsync(User.WorkspaceId(), User.UserId(), cancellationToken);
    }
}
