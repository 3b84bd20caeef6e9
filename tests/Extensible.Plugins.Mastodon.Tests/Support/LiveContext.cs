using Extensible.Sdk;
using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Mastodon.Tests.Support;

/// <summary>
/// The harness's context (store, settings, events, logs) with a real HTTP client and the real clock: the connector talks
/// to the fake instance over loopback, and waits for media processing as it would in production.
/// </summary>
public sealed class LiveContext(IPluginContext harness, HttpClient http) : IPluginContext
{
    public string PluginId => harness.PluginId;

    public ILogger Logger => harness.Logger;

    public TimeProvider Time => TimeProvider.System;

    public HttpClient Http => http;

    public IPluginStore Store => harness.Store;

    public IPluginEvents Events => harness.Events;

    public TSettings GetSettings<TSettings>() where TSettings : class, new() => harness.GetSettings<TSettings>();
}
