using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Accounts;

/// <summary>How connecting an account continues after <see cref="AccountService.BeginConnectAsync"/>.</summary>
/// <param name="Auth">How the network connects.</param>
/// <param name="AuthorizationUrl">For OAuth: where to send the person (carrying the stored state).</param>
/// <param name="Fields">
/// For app passwords and tokens: the fields to ask for. For an OAuth network that asks first which server to sign in to
/// (<see cref="PlatformProfile.ConnectFields"/>), with no authorization URL yet: the fields to ask before starting again with them.
/// </param>
public sealed record ConnectBegun(AuthMethod Auth, Uri? AuthorizationUrl, IReadOnlyList<ConnectField> Fields);
