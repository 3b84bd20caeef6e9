namespace Extensible.Publishing.Posts;

/// <summary>A post was started: its shared content and the accounts it goes to.</summary>
public sealed record PostDrafted(Guid PostId, Guid WorkspaceId, PostContentDraft Content, IReadOnlyList<PostTarget> Targets, Guid By);

/// <summary>A post's content or targets changed (drafts save as people type; scheduled posts may be edited until they go out).</summary>
public sealed record PostEdited(Guid PostId, Guid WorkspaceId, PostContentDraft Content, IReadOnlyList<PostTarget> Targets, Guid By);

/// <summary>
/// A post was scheduled (or sent now: <paramref name="DueAt"/> is then the moment of the request). The instant is what the
/// publisher acts on; the zone and the local time are how the person chose it, so the console shows it the way it was chosen.
/// </summary>
public sealed record PostScheduled(Guid PostId, Guid WorkspaceId, DateTimeOffset DueAt, string TimeZone, string LocalTime, bool Now, Guid By);

/// <summary>A scheduled post moved to another time (the calendar's drag, the API's reschedule).</summary>
public sealed record PostRescheduled(Guid PostId, Guid WorkspaceId, DateTimeOffset DueAt, string TimeZone, string LocalTime, Guid By);

/// <summary>A scheduled post went back to being a draft; targets not yet started stay unsent.</summary>
public sealed record PostUnscheduled(Guid PostId, Guid WorkspaceId, Guid By);

/// <summary>A post was deleted from the workspace (not from the networks: that is <see cref="TargetDeleted"/>).</summary>
public sealed record PostDiscarded(Guid PostId, Guid WorkspaceId, Guid By);
