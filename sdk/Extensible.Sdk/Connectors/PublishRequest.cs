namespace Extensible.Sdk.Connectors;

/// <summary>One post to publish on one account.</summary>
public sealed record PublishRequest
{
    /// <summary>The account that publishes.</summary>
    public required AccountCredentials Account { get; init; }

    /// <summary>
    /// Unique per post and account, the same on every retry of that publish. Pass it to the network when it accepts one
    /// (an <c>Idempotency-Key</c> header), so a retry after a crash never posts twice.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The content, already shaped for this network and checked against its profile.</summary>
    public required PostContent Content { get; init; }
}
