using Extensible.Plugins.Catalog;
using Extensible.Plugins.Settings;

namespace Extensible.Plugins;

/// <summary>
/// Changes to plugins, at runtime and without a restart. Each is recorded as an event (so every node follows) with the
/// actor who made it. Refusals throw <see cref="PluginOperationException"/>.
/// </summary>
public interface IPluginAdministration
{
    /// <summary>Installs or upgrades a plugin from a .zip archive (the published plugin folder, zipped).</summary>
    /// <param name="archive">The archive; hostile until proven otherwise.</param>
    /// <param name="actor">Who installs it (for the audit trail).</param>
    /// <param name="cancellationToken">Cancels the installation; nothing is left half-installed.</param>
    /// <returns>The plugin as it stands after installation (running, or failed with the reason).</returns>
    Task<PluginSummary> InstallAsync(Stream archive, string actor, CancellationToken cancellationToken = default);

    /// <summary>Enables a disabled plugin and loads it.</summary>
    Task<PluginSummary> EnableAsync(string id, string actor, CancellationToken cancellationToken = default);

    /// <summary>Disables a plugin and unloads it.</summary>
    Task<PluginSummary> DisableAsync(string id, string actor, CancellationToken cancellationToken = default);

    /// <summary>Unloads an installed plugin and removes its folder. Bundled plugins can only be disabled.</summary>
    Task UninstallAsync(string id, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and saves a running plugin's settings from form or JSON values (invariant text per field). A secret left
    /// empty keeps its stored value. Invalid values save nothing and come back as messages per field.
    /// </summary>
    Task<SettingsSaveResult> SaveSettingsAsync(string id, IReadOnlyDictionary<string, string?> values, string actor, CancellationToken cancellationToken = default);
}
