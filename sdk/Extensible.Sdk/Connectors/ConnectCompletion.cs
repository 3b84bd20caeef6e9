namespace Extensible.Sdk.Connectors;

/// <summary>The end of connecting an account: the OAuth callback's parameters or the fields the person entered.</summary>
public sealed record ConnectCompletion
{
    /// <summary>The redirect URI used when connecting started.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>The verifier <see cref="ConnectStart.Verifier"/> returned, if any.</summary>
    public string? Verifier { get; init; }

    /// <summary>The callback's query parameters (<c>code</c>, <c>oauth_token</c>, <c>oauth_verifier</c>…) or the entered fields.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The workspace's own app credentials for this network (the same as <see cref="ConnectRequest.AppCredentials"/>),
    /// for exchanging the code; <see langword="null"/> when the connector's server-wide settings apply. A connector whose
    /// refresh needs them keeps what it needs in <see cref="AccountCredentials.Values"/> (the host encrypts them).
    /// </summary>
    public AppCredentials? AppCredentials { get; init; }
}
