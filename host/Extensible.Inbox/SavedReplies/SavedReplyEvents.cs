namespace Extensible.Inbox.SavedReplies;

/// <summary>A moderator added a saved reply to the workspace's library.</summary>
public sealed record SavedReplyCreated(Guid SavedReplyId, Guid WorkspaceId, string Name, string Text, string? Shortcut, Guid By);

/// <summary>A moderator changed a saved reply's name, text or shortcut.</summary>
public sealed record SavedReplyEdited(Guid SavedReplyId, Guid WorkspaceId, string Name, string Text, string? Shortcut, Guid By);

/// <summary>A moderator removed a saved reply from the library (replies sent with it stay as they were sent).</summary>
public sealed record SavedReplyDeleted(Guid SavedReplyId, Guid WorkspaceId, Guid By);
