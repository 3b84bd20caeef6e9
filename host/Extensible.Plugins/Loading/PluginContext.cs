using Extensible.Sdk;
using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Loading;

/// <summary>What the host hands one plugin's capabilities.</summary>
internal sealed class PluginContext(string pluginId, ILogger logger, TimeProvider time, HttpClient http, IPluginStore store, IPluginEvents events, Func<Type, object> settings) : IPluginContext
{
    public string PluginId => pluginId;

    public ILogger Logger => logger;

    public TimeProvider Time => time;

    public HttpClient Http => http;

    public IPluginStore Store => store;

    public IPluginEvents Events => events;

    public TSettings GetSettings<TSettings>() where TSettings : class, new() => settings(typeof(TSettings)) as TSettings ?? new TSettings();
}
