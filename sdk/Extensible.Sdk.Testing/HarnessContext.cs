using System.Text.Json;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Extensible.Sdk.Testing;

/// <summary>The <see cref="IPluginContext"/> the harness hands a plugin's capabilities.</summary>
internal sealed class HarnessContext(PluginHarness harness) : IPluginContext
{
    public string PluginId => harness.PluginId;

    public ILogger Logger => harness.Logs;

    public TimeProvider Time => harness.ContextTime;

    public HttpClient Http => harness.HttpClient;

    public IPluginStore Store => harness.Store;

    public IPluginEvents Events => harness.Events;

    public Task<bool> KeepRenewedCredentialsAsync(AccountCredentials previous, AccountCredentials renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(renewed);
        harness.KeepRenewed(previous, renewed);
        return Task.FromResult(true);
    }

    public TSettings GetSettings<TSettings>()
        where TSettings : class, new()
    {
        var declared = harness.SettingsType
            ?? throw new InvalidOperationException($"The plugin asked for {typeof(TSettings).Name} settings but declared none with UseSettings in Register.");
        if (declared != typeof(TSettings))
        {
            throw new InvalidOperationException($"The plugin asked for {typeof(TSettings).Name} settings but declared {declared.Name} with UseSettings.");
        }

        // A fresh copy each time, as the host gives: a capability that changes it changes nothing stored.
        var current = harness.Settings;
        return current is null
            ? new TSettings()
            : JsonSerializer.Deserialize<TSettings>(JsonSerializer.Serialize(current, declared)) ?? new TSettings();
    }
}
