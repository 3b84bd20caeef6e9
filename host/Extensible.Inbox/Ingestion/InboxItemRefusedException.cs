namespace Extensible.Inbox.Ingestion;

/// <summary>An inbox item lacks what every item must have (an id, an author): the delivery or poll page it came in is refused.</summary>
public sealed class InboxItemRefusedException(string message) : Exception(message);
