using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Deliveries;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Kept deliveries (<c>/inbox/deliveries</c>): webhook deliveries the networks sent that their connector could not read,
/// for the workspace's Admins and Owners to read (as text, encoded: a stranger wrote it), replay once the cause is fixed, or
/// dismiss. Reached from the Inbox room.
/// </summary>
[Authorize(Policy = Policies.ManageWorkspace)]
public sealed class DeliveriesModel(InboxDeliveries deliveries, InboxRoomReader reader) : RoomPageModel(ConsoleRooms.Inbox)
{
    /// <summary>The table's rows and the count.</summary>
    public DeliveryRows Rows { get; private set; } = new([], 0, new Dictionary<Guid, string>());

    /// <summary>Shows the kept deliveries.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await RowsAsync(null, cancellationToken);

    /// <summary>One delivery's body (htmx), or 404.</summary>
    public async Task<IActionResult> OnGetBodyAsync(Guid id, CancellationToken cancellationToken) =>
        await deliveries.FindAsync(User.WorkspaceId(), id, cancellationToken) is { } view ? Partial("_DeliveryBody", view) : NotFound();

    /// <summary>Replays a kept delivery through its connector (htmx): answers the rows with how it went.</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        Toast toast;
        try
        {
            var delivery = await deliveries.ReplayAsync(User.WorkspaceId(), id, User.UserId(), cancellationToken);
            toast = delivery switch
            {
                null => new Toast("There is no such delivery in this workspace.", Toast.Error),
                { Status: KeptDelivery.Replayed } => new Toast($"Replayed: {delivery.Stored} new items stored.", Toast.Success),
                _ => new Toast($"It still could not be read: {delivery.Error}", Toast.Error),
            };
        }
        catch (Exception e) when (e is InboxDeliveryClosedException or InboxActionException)
        {
            toast = new Toast(e.Message, Toast.Error);
        }

        return Partial("_DeliveryRows", await RowsAsync(toast, cancellationToken));
    }

    /// <summary>Dismisses a kept delivery (htmx): answers the rows.</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken cancellationToken)
    {
        Toast toast;
        try
        {
            toast = await deliveries.DismissAsync(User.WorkspaceId(), id, User.UserId(), cancellationToken) is null
                ? new Toast("There is no such delivery in this workspace.", Toast.Error)
                : new Toast("Dismissed.", Toast.Success);
        }
        catch (InboxDeliveryClosedException e)
        {
            toast = new Toast(e.Message, Toast.Error);
        }

        return Partial("_DeliveryRows", await RowsAsync(toast, cancellationToken));
    }

    /// <summary>The table and the count as they are now (a live update asks for them when deliveries were kept or closed).</summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken) =>
        Partial("_DeliveryRows", await RowsAsync(null, cancellationToken) with { Swap = true });

    private async Task<DeliveryRows> RowsAsync(Toast? notice, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        var handles = (await reader.AccountsAsync(workspaceId, cancellationToken)).ToDictionary(a => a.Id, a => a.Handle);
        return new DeliveryRows(
            await deliveries.ListAsync(workspaceId, cancellationToken: cancellationToken), await deliveries.CountAsync(workspaceId, cancellationToken), handles, notice,
            Swap: notice is not null);
    }
}
