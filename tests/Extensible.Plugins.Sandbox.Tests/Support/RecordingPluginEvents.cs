using System.Collections.Concurrent;
using System.Text.Json;
using Extensible.Sdk.Storage;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>Keeps the events a plugin records, checking each is a JSON object as the SDK asks.</summary>
public sealed class RecordingPluginEvents : IPluginEvents
{
    private readonly ConcurrentQueue<(string Type, string Json)> _recorded = new();

    public IReadOnlyList<(string Type, string Json)> Recorded => [.. _recorded];

    public IReadOnlyList<string> Types => [.. _recorded.Select(e => e.Type)];

    public Task RecordAsync(string type, string json, CancellationToken cancellationToken = default)
    {
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        _recorded.Enqueue((type, json));
        return Task.CompletedTask;
    }
}
