namespace Extensible.Inbox.Deliveries;

/// <summary>The kept delivery was replayed or dismissed already (perhaps by someone else a moment ago): nothing changed.</summary>
public sealed class InboxDeliveryClosedException(string message) : Exception(message);
