namespace Extensible.Sdk.Connectors;

/// <summary>Whether a webhook delivery was genuine.</summary>
public enum WebhookOutcome
{
    /// <summary>Verified; its items are stored (the host answers 200).</summary>
    Accepted = 0,

    /// <summary>A verification handshake (the host answers 200 with the challenge response).</summary>
    Challenge = 1,

    /// <summary>Not verified (the host answers 401 and stores nothing).</summary>
    Rejected = 2,

    /// <summary>
    /// Verified, but its body could not be read (the host keeps it with the reason for an operator to see, and answers 400).
    /// </summary>
    Malformed = 3,
}
