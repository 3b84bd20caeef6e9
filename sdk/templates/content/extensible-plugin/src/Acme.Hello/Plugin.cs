using Extensible.Sdk;

namespace Acme.Hello;

/// <summary>The plugin's entry point: the host creates it and calls <see cref="Register"/> once per load.</summary>
public sealed class Plugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseSettings<AllCapsSettings>();
        plugin.AddContentRule(context => new AllCapsRule(context));
    }
}
