namespace Extensible.Sdk.Connectors;

/// <summary>A connected account's audience at one moment. Counts the network does not report stay <see langword="null"/>.</summary>
public sealed record AccountMetrics
{
    /// <summary>When the network measured (or the connector asked).</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary>People who follow the account.</summary>
    public long? Followers { get; init; }

    /// <summary>Accounts the account follows.</summary>
    public long? Following { get; init; }

    /// <summary>Posts the account has made, as the network counts them.</summary>
    public long? Posts { get; init; }
}
