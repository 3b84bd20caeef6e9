using System.Text.Json;
using System.Text.RegularExpressions;
using Extensible.Sdk.Storage;

namespace Extensible.Sdk.Testing.Storage;

/// <summary>Keeps the events a plugin records, refusing what the host would refuse (a type not in lower_snake_case, data that is not a JSON object).</summary>
/// <param name="time">The clock that stamps each event.</param>
public sealed partial class RecordedPluginEvents(TimeProvider time) : IPluginEvents
{
    private readonly List<RecordedEvent> events = [];

    /// <summary>Every event recorded so far, oldest first.</summary>
    public IReadOnlyList<RecordedEvent> Recorded
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    /// <summary>The events of one type, oldest first.</summary>
    /// <param name="type">The type, as the plugin gave it.</param>
    /// <returns>Those events.</returns>
    public IReadOnlyList<RecordedEvent> OfType(string type) => [.. Recorded.Where(e => e.Type == type)];

    /// <inheritdoc />
    public Task RecordAsync(string type, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        if (!SnakeCase().IsMatch(type))
        {
            throw new ArgumentException($"An event type is lower_snake_case (e.g. webhook_rejected); '{type}' is not.", nameof(type));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("An event's data is a JSON object.", nameof(json));
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"An event's data is a JSON object; this is not JSON: {exception.Message}", nameof(json), exception);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (events)
        {
            events.Add(new RecordedEvent(type, json, time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
