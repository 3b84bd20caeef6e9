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

    /// <summary>
    /// The workspace's own app for the account's network, when an Admin set one: the host fills it in when it asks for a
    /// refresh (a token is refreshed with the app that issued it, and an Admin may have changed the app's secret since).
    /// It is never stored with the account: what a refresh returns is kept without it.
    /// </summary>
    public AppCredentials? App { get; init; }

    /// <summary>A value by key, or an exception saying the account must be connected again.</summary>
    /// <param name="key">The key.</param>
    public string Require(string key) =>
        Values.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw PlatformException.NeedsReconnect($"The stored credentials lack '{key}'.");
}
