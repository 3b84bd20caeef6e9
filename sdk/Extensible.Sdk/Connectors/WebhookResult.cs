namespace Extensible.Sdk.Connectors;

/// <summary>What a connector made of a webhook delivery.</summary>
public sealed record WebhookResult
{
    /// <summary>Whether the delivery was genuine.</summary>
    public required WebhookOutcome Outcome { get; init; }

    /// <summary>For <see cref="WebhookOutcome.Challenge"/>: the body to answer with (Meta's <c>hub.challenge</c>, X's CRC response).</summary>
    public string? ChallengeResponse { get; init; }

    /// <summary>For <see cref="WebhookOutcome.Rejected"/> and <see cref="WebhookOutcome.Malformed"/>: why (logged and kept, never sent back).</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="WebhookOutcome.Accepted"/>: the inbox items it carried, with the network account each belongs to.</summary>
    public IReadOnlyList<WebhookItem> Items { get; init; } = [];

    /// <summary>A genuine delivery carrying items.</summary>
    /// <param name="items">The items.</param>
    public static WebhookResult Accepted(IReadOnlyList<WebhookItem> items) => new() { Outcome = WebhookOutcome.Accepted, Items = items };

    /// <summary>A verification handshake to answer.</summary>
    /// <param name="response">The body to answer with.</param>
    public static WebhookResult Challenge(string response) => new() { Outcome = WebhookOutcome.Challenge, ChallengeResponse = response };

    /// <summary>A delivery that failed verification (bad signature, unknown subscription, replayed).</summary>
    /// <param name="reason">Why.</param>
    public static WebhookResult Rejected(string reason) => new() { Outcome = WebhookOutcome.Rejected, Reason = reason };

    /// <summary>A genuine delivery (its signature checked out) whose body could not be read.</summary>
    /// <param name="reason">Why: what was wrong with the body.</param>
    public static WebhookResult Malformed(string reason) => new() { Outcome = WebhookOutcome.Malformed, Reason = reason };
}
