using System.Text.Json.Serialization;

namespace Extensible.Plugins.Events;

[JsonSerializable(typeof(PluginInstalled))]
[JsonSerializable(typeof(PluginUpgraded))]
[JsonSerializable(typeof(PluginEnabled))]
[JsonSerializable(typeof(PluginDisabled))]
[JsonSerializable(typeof(PluginUninstalled))]
[JsonSerializable(typeof(PluginFailed))]
[JsonSerializable(typeof(PluginSettingsSaved))]
[JsonSerializable(typeof(PluginCallFailed))]
[JsonSerializable(typeof(PluginRecorded))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class PluginsJsonContext : JsonSerializerContext;
