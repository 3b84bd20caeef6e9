namespace Extensible.Sdk.Connectors;

/// <summary>
/// A connected account's credentials, as the connector wants them kept. The host encrypts them at rest and hands them
/// back on every call; never log them.
/// </summary>
public sealed record AccountCredentials
{
    /// <summary>The account's id on the network.</summary>
    public required string PlatformAccountId { get; init; }

    /// <summary>The connector's own values (access token, refresh token, instance URL…).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>When the access credentials expire, if they do; the host refreshes before then.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A value by key, or an exception saying the account must be connected again.</summary>
    /// <param name="key">The key.</param>
    public string Require(string key) =>
        Values.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw PlatformException.NeedsReconnect($"The stored credentials lack '{key}'.");
}
