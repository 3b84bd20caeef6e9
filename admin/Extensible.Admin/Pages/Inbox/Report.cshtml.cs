using Extensible.Admin.Shell;
using Extensible.Inbox.Sla;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// The team report, in the Inbox room: how fast first replies went out and threads were resolved over the last 7 or 30 days,
/// in business time, for the team, per person and per network. Every member reads it.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class ReportModel(InboxReporting reporting) : RoomPageModel(ConsoleRooms.Inbox)
{
    /// <summary>The report shown.</summary>
    public InboxTeamReport Report { get; private set; } = null!;

    /// <summary>Whether the viewer may change the business hours (Settings).</summary>
    public bool MayManageWorkspace => User.May(Policies.ManageWorkspace);

    public async Task OnGetAsync(int? days, CancellationToken cancellationToken) =>
        Report = await reporting.ReportAsync(User.WorkspaceId(), days is 30 ? 30 : 7, cancellationToken);
}
