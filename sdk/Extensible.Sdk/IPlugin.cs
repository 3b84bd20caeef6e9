namespace Extensible.Sdk;

/// <summary>
/// A plugin's entry point. The host creates the one public, non-abstract class of the entry assembly that implements this
/// interface (it needs a public parameterless constructor) and calls <see cref="Register"/> once per load.
/// </summary>
public interface IPlugin
{
    /// <summary>Declares what the plugin contributes: its settings class and its capabilities. Keep it fast and free of I/O.</summary>
    /// <param name="plugin">Where the plugin registers its settings and capabilities.</param>
    void Register(IPluginBuilder plugin);
}
