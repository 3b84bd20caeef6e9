using Extensible.Sdk;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Storage;
using Extensible.Sdk.Testing;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Bluesky.Tests.Support;

/// <summary>The harness's context (clock, store, events, logs, settings) with a real HTTP client, for calls to the fake PDS.</summary>
public sealed class LiveContext(PluginHarness harness, HttpClient http) : IPluginContext
{
    public string PluginId => harness.PluginId;

    public ILogger Logger => harness.Logs;

    public TimeProvider Time => harness.Clock;

    public HttpClient Http => http;

    public IPluginStore Store => harness.Store;

    public IPluginEvents Events => harness.Events;

    public TSettings GetSettings<TSettings>()
        where TSettings : class, new() => harness.Context.GetSettings<TSettings>();

    public Task<bool> KeepRenewedCredentialsAsync(AccountCredentials previous, AccountCredentials renewed, CancellationToken cancellationToken) =>
        harness.Context.KeepRenewedCredentialsAsync(previous, renewed, cancellationToken);
}
