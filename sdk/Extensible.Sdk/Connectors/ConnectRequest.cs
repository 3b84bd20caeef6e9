namespace Extensible.Sdk.Connectors;

/// <summary>The host's side of starting to connect an account.</summary>
/// <param name="RedirectUri">Where the network must send the person back after authorizing (the host's callback).</param>
/// <param name="State">An unguessable value the host checks on the callback; pass it to the network unchanged.</param>
public sealed record ConnectRequest(Uri RedirectUri, string State);
