namespace Extensible.Plugins.Loading;

/// <summary>A plugin could not be loaded or registered; the message is the reason shown to operators.</summary>
internal sealed class PluginLoadException(string message) : Exception(message);
