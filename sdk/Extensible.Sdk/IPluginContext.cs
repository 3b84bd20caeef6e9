using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Extensible.Sdk;

/// <summary>What the host hands a plugin's capabilities: everything a plugin needs from the outside world goes through here.</summary>
public interface IPluginContext
{
    /// <summary>The plugin's id, from its manifest.</summary>
    string PluginId { get; }

    /// <summary>A logger named after the plugin. Never log secrets or credentials.</summary>
    ILogger Logger { get; }

    /// <summary>The clock. Use it instead of <see cref="DateTimeOffset.UtcNow"/> and <see cref="Task.Delay(TimeSpan)"/> so tests control time.</summary>
    TimeProvider Time { get; }

    /// <summary>
    /// The HTTP client for every call to a network's API. The host observes it (timing, failures) and tests replace its
    /// handler; do not create your own <see cref="HttpClient"/>.
    /// </summary>
    HttpClient Http { get; }

    /// <summary>A key-value store of the plugin's own, shared by every node of the installation.</summary>
    IPluginStore Store { get; }

    /// <summary>Records the plugin's own events in the host's event store (shown in the audit trail).</summary>
    IPluginEvents Events { get; }

    /// <summary>
    /// The plugin's current settings (declared with <see cref="IPluginBuilder.UseSettings{TSettings}"/>), secrets
    /// decrypted. Read them at each use rather than caching them: operators change settings while the plugin runs.
    /// </summary>
    /// <typeparam name="TSettings">The settings class the plugin declared.</typeparam>
    /// <returns>A fresh copy of the settings; defaults when none were saved.</returns>
    TSettings GetSettings<TSettings>() where TSettings : class, new();

    /// <summary>
    /// Hands the host an account's credentials that a connector renewed in the middle of a call (the network answered
    /// that the access token had expired), so that they are stored at once: a network that rotates refresh tokens
    /// refuses the old one from then on, and credentials renewed only in the plugin's memory are lost at the next
    /// restart. The host replaces the stored credentials of this plugin's accounts on the network account
    /// <see cref="Connectors.AccountCredentials.PlatformAccountId"/> that still hold every value of <paramref name="previous"/>
    /// (credentials someone refreshed meanwhile are left alone); values <paramref name="renewed"/> lacks are kept.
    /// </summary>
    /// <param name="previous">The credentials the call was made with, as the host handed them.</param>
    /// <param name="renewed">The renewed credentials, whole, with their new expiry.</param>
    /// <param name="cancellationToken">Cancels the storing.</param>
    /// <returns>Whether any account's stored credentials were replaced (a host that keeps no accounts answers false).</returns>
    Task<bool> KeepRenewedCredentialsAsync(Connectors.AccountCredentials previous, Connectors.AccountCredentials renewed, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
