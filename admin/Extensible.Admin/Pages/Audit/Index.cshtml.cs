using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.People.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Audit;

/// <summary>
/// The workspace's events, a sentence each with people's names, filterable, paged by keyset (never by offset). People
/// who may operate the server also see the plugins' administration events, which affect every workspace.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class IndexModel(AuditTrail trail, IAuthorizationService authorization) : RoomPageModel(ConsoleRooms.Audit)
{
    /// <summary>Only events older than this sequence number.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Only events of this alias.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    /// <summary>Only events by this person (their email).</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    /// <summary>The page of events.</summary>
    public AuditLines Trail { get; private set; } = new([], null);

    /// <summary>The types the filter offers: the workspace's, and the server's for those who see them.</summary>
    public IReadOnlyList<AuditEventType> Types { get; private set; } = AuditEventTypes.Workspace;

    /// <summary>Shows a page of the trail.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var serverWide = (await authorization.AuthorizeAsync(User, AuditTrail.ServerWidePolicy)).Succeeded;
        Types = AuditEventTypes.Visible(serverWide);
        try
        {
            Type = SearchFilter.Parse(Type, "Type", 100);
            Who = SearchFilter.Parse(Who, "Who", 254);
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return;
        }

        Trail = await trail.PageAsync(User.WorkspaceId(), new AuditQuery(Before, Type, Who, 50, serverWide), cancellationToken);
    }

    /// <summary>The address of the next (older) page, keeping the filters.</summary>
    public string? OlderLink => Trail.Before is { } before
        ? $"/audit?before={before}&type={Uri.EscapeDataString(Type ?? "")}&user={Uri.EscapeDataString(Who ?? "")}"
        : null;
}
