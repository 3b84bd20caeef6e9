namespace Extensible.Inbox.Ingestion;

/// <summary>What the webhook endpoint answers a network: a status code and a plain-text body (the challenge, or why).</summary>
/// <param name="StatusCode">200 stored or handshake, 400 kept as unreadable, 401 forged, 404 no such hook, 410 gone, 503 try again.</param>
/// <param name="Body">The challenge response, or a short reason that says nothing a forger could use.</param>
/// <param name="Stored">How many new items were stored.</param>
public sealed record WebhookAnswer(int StatusCode, string Body, int Stored = 0)
{
    /// <summary>How many items an accepted delivery held (null for a handshake or a refusal).</summary>
    public int? Items { get; init; }
}
