using Extensible.Sdk.Storage;

namespace Extensible.Sdk.Testing.Storage;

/// <summary>Keeps the events a plugin records, refusing what the host refuses (<see cref="PluginEventRules"/>: a type not in lower_snake_case, data that is not a JSON object).</summary>
/// <param name="time">The clock that stamps each event.</param>
public sealed class RecordedPluginEvents(TimeProvider time) : IPluginEvents
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
        if (PluginEventRules.Type(type) is { } badType)
        {
            throw new ArgumentException(badType, nameof(type));
        }

        if (PluginEventRules.Data(json) is { } badData)
        {
            throw new ArgumentException(badData, nameof(json));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (events)
        {
            events.Add(new RecordedEvent(type, json, time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }
}
