namespace Extensible.Inbox.Actions;

/// <summary>A moderator's action cannot be done as asked (an unknown status, an empty reply, a network that cannot hide): nothing changed.</summary>
public sealed class InboxActionException(string message) : Exception(message);
