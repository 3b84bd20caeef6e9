using Extensible.Sdk;
using Extensible.Sdk.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>
/// A plugin context without a host: an in-memory store, a manual clock, recorded events and settings the test sets.
/// (The SDK's testing kit may replace it.)
/// </summary>
public sealed class SandboxTestContext : IPluginContext, IDisposable
{
    public string PluginId => "extensible.sandbox";

    public ILogger Logger { get; } = NullLogger.Instance;

    public ManualClock Clock { get; } = new();

    public TimeProvider Time => Clock;

    public HttpClient Http { get; } = new(new RefusingHandler());

    public InMemoryPluginStore MemoryStore { get; } = new();

    public IPluginStore Store => MemoryStore;

    public RecordingPluginEvents RecordedEvents { get; } = new();

    public IPluginEvents Events => RecordedEvents;

    /// <summary>The settings the plugin reads; change them freely in a test.</summary>
    public SandboxSettings Settings { get; set; } = new();

    public TSettings GetSettings<TSettings>() where TSettings : class, new() =>
        Settings as TSettings ?? throw new InvalidOperationException($"The sandbox declared {typeof(SandboxSettings)}, not {typeof(TSettings)}.");

    public void Dispose() => Http.Dispose();

    // The sandbox never goes to the network; a call out would be a bug.
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The sandbox called out to {request.RequestUri}.");
    }
}
