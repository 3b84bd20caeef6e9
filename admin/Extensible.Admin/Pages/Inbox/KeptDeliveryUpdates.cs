using Extensible.Admin.Live;
using Extensible.Inbox.Deliveries;
using Extensible.Inbox.Threads;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Keeps every open page of kept deliveries current on every node: a delivery kept (its connector could not read it), or
/// one replayed or dismissed by another operator, tells those looking to fetch the table again (<c>_DeliveriesLive.cshtml</c>).
/// </summary>
public sealed class KeptDeliveryUpdates(IServiceProvider services, ConsolePush push, ILogger<KeptDeliveryUpdates> logger) : ViewRefreshes(services, push, logger)
{
    /// <inheritdoc />
    protected override string View => DeliveryRows.LiveView;

    /// <inheritdoc />
    protected override string Partial => "/Pages/Inbox/_DeliveriesLive.cshtml";

    /// <inheritdoc />
    protected override Guid? WorkspaceOf(object data) => data switch
    {
        InboxDeliveryFailed f => f.WorkspaceId,
        InboxDeliveryReplayed r => r.WorkspaceId,
        InboxDeliveryReplayFailed r => r.WorkspaceId,
        InboxDeliveryDismissed d => d.WorkspaceId,
        _ => null,
    };
}
