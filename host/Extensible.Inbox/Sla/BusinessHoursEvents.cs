namespace Extensible.Inbox.Sla;

/// <summary>An Admin set the workspace's business hours and targets (in the workspace's time zone); times measured from now on follow them.</summary>
public sealed record InboxBusinessHoursChanged(Guid WorkspaceId, BusinessHours Hours, Guid By);
