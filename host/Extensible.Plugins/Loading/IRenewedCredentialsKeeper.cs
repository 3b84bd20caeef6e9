using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Loading;

/// <summary>
/// Stores the credentials a plugin's connector renewed in the middle of a call
/// (<see cref="Sdk.IPluginContext.KeepRenewedCredentialsAsync"/>). The accounts module implements it; a host without
/// accounts has none, and plugins are told nothing was kept.
/// </summary>
public interface IRenewedCredentialsKeeper
{
    /// <summary>
    /// Replaces the stored credentials of <paramref name="pluginId"/>'s accounts that still hold every value of
    /// <paramref name="previous"/>; answers whether any were replaced.
    /// </summary>
    Task<bool> KeepAsync(string pluginId, AccountCredentials previous, AccountCredentials renewed, CancellationToken cancellationToken);
}
