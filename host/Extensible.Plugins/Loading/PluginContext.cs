using Extensible.Sdk;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Loading;

/// <summary>What the host hands one plugin's capabilities.</summary>
internal sealed class PluginContext(
    string pluginId, ILogger logger, TimeProvider time, HttpClient http, IPluginStore store, IPluginEvents events, Func<Type, object> settings,
    Func<IRenewedCredentialsKeeper?> keeper) : IPluginContext
{
    public string PluginId => pluginId;

    public ILogger Logger => logger;

    public TimeProvider Time => time;

    public HttpClient Http => http;

    public IPluginStore Store => store;

    public IPluginEvents Events => events;

    public TSettings GetSettings<TSettings>() where TSettings : class, new() => settings(typeof(TSettings)) as TSettings ?? new TSettings();

    public Task<bool> KeepRenewedCredentialsAsync(AccountCredentials previous, AccountCredentials renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(renewed);
        return keeper() is { } found ? found.KeepAsync(pluginId, previous, renewed, cancellationToken) : Task.FromResult(false);
    }
}
