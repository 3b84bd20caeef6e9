using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Accounts;

/// <summary>A network accounts can be connected to: a connector running on this node.</summary>
/// <param name="PluginId">The connector's plugin.</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="Name">The network's name.</param>
/// <param name="Auth">How its accounts connect.</param>
/// <param name="IsSandbox">Whether it is a simulated network.</param>
public sealed record ConnectableNetwork(string PluginId, string PlatformKey, string Name, AuthMethod Auth, bool IsSandbox);
