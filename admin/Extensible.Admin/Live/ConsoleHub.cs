using Extensible.Admin.Pages.Inbox;
using Extensible.Admin.Shell;
using Extensible.Inbox.Threads;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Extensible.Admin.Live;

/// <summary>
/// The console's one SignalR hub (<c>/hubs/console</c>). The server pushes to it; the browser only says which
/// view it shows. Each connection joins its workspace's group on connect; pushes arrive as <c>swap</c> messages
/// carrying HTML fragments with <c>hx-swap-oob</c>.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class ConsoleHub(IAuthorizationService authorization, ViewAudience audience, InboxPresence presence, InboxBoard inbox) : Hub
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/console";

    /// <summary>The client method every push calls, with one argument: the HTML to hand to htmx.</summary>
    public const string SwapMethod = "swap";

    /// <summary>Joins the caller's workspace group, <c>ws:{workspaceId}</c>.</summary>
    public override async Task OnConnectedAsync()
    {
        var group = ConsoleGroups.Workspace(CurrentWorkspace());
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        audience.Joined(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Closed(Context.ConnectionId);
        await presence.ClosedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Starts receiving the pushes of <paramref name="view"/> (a short slug: <c>inbox</c>, <c>post-42</c>) in the
    /// caller's workspace. A view named after a room, or starting with its slug and a hyphen, needs that room's policy.
    /// </summary>
    public async Task JoinView(string view)
    {
        var group = ViewGroup(view);
        if (RoomOf(view) is { } room && !(await authorization.AuthorizeAsync(Context.User!, room.Policy)).Succeeded)
        {
            throw new HubException($"You may not watch '{view}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        audience.Joined(Context.ConnectionId, group);

        // A view of what all workspaces share is pushed once for all of them, rendered for those who may change it or not.
        if (ConsoleGroups.SharedViews.TryGetValue(view, out var changePolicy))
        {
            var mayChange = (await authorization.AuthorizeAsync(Context.User!, changePolicy)).Succeeded;
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroups.Shared(view, mayChange), Context.ConnectionAborted);
        }
    }

    /// <summary>
    /// Says that the caller has inbox thread <paramref name="threadId"/> open (and, with <paramref name="typing"/>, is typing
    /// a reply): the first call joins the thread's live view (the moderators' or the readers'), and everyone who has the
    /// thread open is told who is there. Typing ends by itself a few seconds after the last such call.
    /// </summary>
    public async Task ThreadPresence(string threadId, bool typing)
    {
        var workspace = CurrentWorkspace();
        if (!Guid.TryParse(threadId, out var thread))
        {
            throw new HubException("A thread is named by its id.");
        }

        if (!presence.Has(workspace, thread, Context.ConnectionId))
        {
            if (!(await authorization.AuthorizeAsync(Context.User!, ConsoleRooms.Inbox.Policy)).Succeeded
                || await inbox.FindAsync(Guid.Parse(workspace), thread, Context.ConnectionAborted) is null)
            {
                throw new HubException("There is no such thread in this workspace.");
            }

            var mayModerate = (await authorization.AuthorizeAsync(Context.User!, Policies.Moderate)).Succeeded;
            var group = ConsoleGroups.View(workspace, InboxThreadPanel.ThreadView(thread, mayModerate));
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            audience.Joined(Context.ConnectionId, group);
        }

        var person = ConsoleUser.From(Context.User);
        await presence.HereAsync(workspace, thread, Context.ConnectionId, Context.User!.UserId(), person?.DisplayName ?? "Someone", typing, Context.ConnectionAborted);
    }

    /// <summary>Says that the caller closed inbox thread <paramref name="threadId"/>: it stops receiving its pushes.</summary>
    public async Task LeaveThread(string threadId)
    {
        var workspace = CurrentWorkspace();
        if (!Guid.TryParse(threadId, out var thread))
        {
            return;
        }

        foreach (var mayModerate in InboxThreadPanel.Renderings)
        {
            var group = ConsoleGroups.View(workspace, InboxThreadPanel.ThreadView(thread, mayModerate));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            audience.Left(Context.ConnectionId, group);
        }

        await presence.LeftAsync(workspace, thread, Context.ConnectionId, Context.ConnectionAborted);
    }

    /// <summary>
    /// The <see cref="Live.RightsStamp"/> of the rights this connection was authorized with: a page whose own stamp differs
    /// was rendered for another session or other rights, and reloads.
    /// </summary>
    public string RightsStamp() => Live.RightsStamp.Of(Context.User!);

    /// <summary>Stops receiving the pushes of <paramref name="view"/>.</summary>
    public async Task LeaveView(string view)
    {
        var group = ViewGroup(view);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        audience.Left(Context.ConnectionId, group);
        if (ConsoleGroups.SharedViews.ContainsKey(view))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, ConsoleGroups.Shared(view, mayChange: true), Context.ConnectionAborted);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, ConsoleGroups.Shared(view, mayChange: false), Context.ConnectionAborted);
        }
    }

    private string ViewGroup(string view) =>
        ConsoleGroups.IsValidView(view)
            ? ConsoleGroups.View(CurrentWorkspace(), view)
            : throw new HubException("A view is a short slug: lower-case letters, digits and hyphens.");

    // The workspace is read from the claims the connection was authorized with; switching workspace reloads the page.
    private string CurrentWorkspace() =>
        Context.User?.FindFirst(ConsoleClaims.WorkspaceId)?.Value is { Length: > 0 } workspace
            ? workspace
            : throw new HubException("There is no current workspace.");

    private static ConsoleRoom? RoomOf(string view) =>
        ConsoleRooms.All.FirstOrDefault(room => view == room.Slug || view.StartsWith(room.Slug + "-", StringComparison.Ordinal));
}
