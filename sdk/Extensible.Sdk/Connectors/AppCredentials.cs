namespace Extensible.Sdk.Connectors;

/// <summary>
/// A workspace's own app registration on a network (an agency's client's app): its client id and secret, set by an
/// Admin in the console and kept encrypted by the host. Never log them.
/// </summary>
public sealed record AppCredentials
{
    /// <summary>The app's client id (OAuth <c>client_id</c>, API key…).</summary>
    public required string ClientId { get; init; }

    /// <summary>The app's client secret, if the network gives one.</summary>
    public string? ClientSecret { get; init; }
}
