namespace Extensible.Sdk.Connectors;

/// <summary>A raw HTTP request a network sent to the host's webhook endpoint for this connector. Hostile until verified.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The HTTP method (<c>GET</c> for verification handshakes, <c>POST</c> for deliveries).</summary>
    public required string Method { get; init; }

    /// <summary>The query string's parameters.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The request headers (names lower-case).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body's exact bytes (signatures are computed over them).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// When the delivery reached the host, or <see langword="null"/> for now. Set when an operator replays a delivery that
    /// was kept because it could not be read: check a signature's age against it, not against the clock, so a replay is
    /// verified as the delivery was when it arrived.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
