using System.Text.Json;

namespace Extensible.Plugins.Events;

/// <summary>A plugin was installed from an archive or a dropped folder.</summary>
public sealed record PluginInstalled(string PluginId, string Version, string Name, string Source);

/// <summary>An installed plugin was replaced by another version.</summary>
public sealed record PluginUpgraded(string PluginId, string FromVersion, string ToVersion);

/// <summary>An operator enabled a plugin.</summary>
public sealed record PluginEnabled(string PluginId);

/// <summary>An operator disabled a plugin.</summary>
public sealed record PluginDisabled(string PluginId);

/// <summary>An operator uninstalled a plugin.</summary>
public sealed record PluginUninstalled(string PluginId, string Version);

/// <summary>A plugin could not be loaded, registered or unloaded on a node.</summary>
public sealed record PluginFailed(string PluginId, string? Version, string Reason, string Node);

/// <summary>
/// A plugin's settings were saved: every value (secrets encrypted), and the names of the fields that changed (what the
/// audit trail shows; events stored before it was recorded have none).
/// </summary>
public sealed record PluginSettingsSaved(string PluginId, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string>? Changed = null);

/// <summary>Calls into a plugin failed (at most one event per plugin per interval; <paramref name="Failures"/> counts them).</summary>
public sealed record PluginCallFailed(string PluginId, string Operation, string Message, int Failures, string Node);

/// <summary>A plugin's own event, recorded through <see cref="Sdk.Storage.IPluginEvents"/>.</summary>
public sealed record PluginRecorded(string PluginId, string Type, JsonElement Data);
