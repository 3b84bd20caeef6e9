using Extensible.Host.Hosting;
using Extensible.Plugins;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Plugins;

/// <summary>Wires the plugin runtime into the host.</summary>
public static class PluginsExtensions
{
    /// <summary>
    /// Adds the plugin runtime, bound from <c>Extensible:Plugins</c>, with installed plugins in <c>Extensible:PluginsDir</c>
    /// (default <c>data/plugins</c>) and bundled ones beside the host's assemblies.
    /// </summary>
    public static IHostApplicationBuilder AddExtensiblePlugins(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPluginRuntime();
        builder.Services.AddOptions<PluginsOptions>().BindConfiguration(PluginsOptions.Section);
        builder.Services.AddSingleton<IPostConfigureOptions<PluginsOptions>>(sp => new PostConfigureOptions<PluginsOptions>(Options.DefaultName,
            o => o.InstalledPath = sp.GetRequiredService<IOptions<ExtensibleOptions>>().Value.PluginsPath));
        return builder;
    }
}
