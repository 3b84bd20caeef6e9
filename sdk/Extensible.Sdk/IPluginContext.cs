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
}
