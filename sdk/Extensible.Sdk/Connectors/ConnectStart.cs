namespace Extensible.Sdk.Connectors;

/// <summary>How connecting continues: send the person to <see cref="AuthorizationUrl"/>, or ask for <see cref="Fields"/>.</summary>
public sealed record ConnectStart
{
    /// <summary>For OAuth: the network's authorization page, with the request's state and redirect.</summary>
    public Uri? AuthorizationUrl { get; init; }

    /// <summary>For OAuth 2 with PKCE (or OAuth 1.0a's request-token secret): kept by the host, secret, handed back in <see cref="ConnectCompletion.Verifier"/>.</summary>
    public string? Verifier { get; init; }

    /// <summary>For app passwords and tokens: the fields the console asks the person for.</summary>
    public IReadOnlyList<ConnectField> Fields { get; init; } = [];
}
