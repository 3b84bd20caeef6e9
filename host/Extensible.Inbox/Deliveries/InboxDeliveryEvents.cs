namespace Extensible.Inbox.Deliveries;

/// <summary>An operator replayed a kept delivery and its connector read it this time: its items were stored (those stored before, once).</summary>
/// <param name="DeliveryId">The kept delivery (the id of its <c>InboxDeliveryFailed</c> event).</param>
/// <param name="AccountId">The account whose hook received it.</param>
/// <param name="WorkspaceId">The account's workspace.</param>
/// <param name="Items">How many items the delivery held.</param>
/// <param name="Stored">How many of them were new.</param>
/// <param name="By">The operator.</param>
public sealed record InboxDeliveryReplayed(Guid DeliveryId, Guid AccountId, Guid WorkspaceId, int Items, int Stored, Guid By);

/// <summary>An operator replayed a kept delivery and it still could not be read: it stays kept, with this reason.</summary>
/// <param name="DeliveryId">The kept delivery.</param>
/// <param name="AccountId">The account whose hook received it.</param>
/// <param name="WorkspaceId">The account's workspace.</param>
/// <param name="Reason">Why it could not be read this time.</param>
/// <param name="By">The operator.</param>
public sealed record InboxDeliveryReplayFailed(Guid DeliveryId, Guid AccountId, Guid WorkspaceId, string Reason, Guid By);

/// <summary>An operator dismissed a kept delivery: it is not replayed and leaves the list.</summary>
/// <param name="DeliveryId">The kept delivery.</param>
/// <param name="AccountId">The account whose hook received it.</param>
/// <param name="WorkspaceId">The account's workspace.</param>
/// <param name="By">The operator.</param>
public sealed record InboxDeliveryDismissed(Guid DeliveryId, Guid AccountId, Guid WorkspaceId, Guid By);
