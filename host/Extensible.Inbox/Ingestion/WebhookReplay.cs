namespace Extensible.Inbox.Ingestion;

/// <summary>How a kept delivery's replay went: read this time (with its items' counts), or why it still cannot be read.</summary>
/// <param name="Read">Whether the connector read it and its items were stored.</param>
/// <param name="Items">How many items it held.</param>
/// <param name="Stored">How many of them were new (the rest were stored before, and are not stored twice).</param>
/// <param name="Error">Why it still cannot be read.</param>
public sealed record WebhookReplay(bool Read, int Items, int Stored, string? Error)
{
    /// <summary>A replay that could not read the delivery, for <paramref name="error"/>.</summary>
    public static WebhookReplay Failed(string error) => new(false, 0, 0, error);
}
