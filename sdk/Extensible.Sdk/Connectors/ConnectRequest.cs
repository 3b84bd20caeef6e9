namespace Extensible.Sdk.Connectors;

/// <summary>The host's side of starting to connect an account.</summary>
/// <param name="RedirectUri">Where the network must send the person back after authorizing (the host's callback).</param>
/// <param name="State">An unguessable value the host checks on the callback; pass it to the network unchanged.</param>
public sealed record ConnectRequest(Uri RedirectUri, string State)
{
    /// <summary>
    /// The workspace's own app credentials for this network, when an Admin set them; otherwise <see langword="null"/>
    /// and the connector uses its server-wide settings.
    /// </summary>
    public AppCredentials? AppCredentials { get; init; }

    /// <summary>
    /// The values the person entered for <see cref="PlatformProfile.ConnectFields"/> (a Mastodon instance's address),
    /// trimmed and present for every field; empty when the profile asks for none. Untrusted: check them before use.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
