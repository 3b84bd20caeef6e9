using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Extensible.EventStore;

/// <summary>
/// The event types the store can write and read, each under a stable alias (<c>post_scheduled</c>). Marten stores
/// the alias, not the CLR name, so types can be renamed and moved freely; the store's own readers (followers, the
/// audit trail) turn bodies back through System.Text.Json source-generated metadata and pass over aliases nobody
/// registered instead of failing the whole read.
/// </summary>
public sealed partial class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, EventType> _byAlias = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, EventType> _byType = new();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="alias"/>.</summary>
    public EventTypeRegistry Register<T>(string alias, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!AliasPattern().IsMatch(alias))
        {
            throw new ArgumentException($"Event alias '{alias}' must be lower-case letters, digits, '_' and '.', starting with a letter, at most 100 characters.", nameof(alias));
        }

        var eventType = new EventType(alias, typeof(T), typeInfo);
        if (!_byAlias.TryAdd(alias, eventType) && _byAlias[alias].ClrType != typeof(T))
        {
            throw new ArgumentException($"Event alias '{alias}' is already registered for {_byAlias[alias].ClrType}.", nameof(alias));
        }

        if (!_byType.TryAdd(typeof(T), eventType) && _byType[typeof(T)].Alias != alias)
        {
            throw new ArgumentException($"{typeof(T)} is already registered as '{_byType[typeof(T)].Alias}'.", nameof(alias));
        }

        return this;
    }

    /// <summary>The alias <paramref name="clrType"/> is stored under.</summary>
    public string AliasOf(Type clrType) => Find(clrType).Alias;

    /// <summary>Whether an alias is known.</summary>
    public bool IsKnown(string alias) => _byAlias.ContainsKey(alias);

    /// <summary>Refuses an event whose type nobody registered, before anything is written.</summary>
    /// <exception cref="InvalidOperationException">The type has no alias.</exception>
    internal void EnsureRegistered(object data) => Find(data.GetType());

    /// <summary>Tells Marten every alias, so it stores and reads them by these names.</summary>
    internal void MapInto(Marten.StoreOptions options)
    {
        foreach (var eventType in _byAlias.Values)
        {
            options.Events.MapEventType(eventType.ClrType, eventType.Alias);
        }
    }

    internal object Deserialize(string alias, string json, long sequence, string streamId)
    {
        if (!_byAlias.TryGetValue(alias, out var eventType))
        {
            throw new EventDeserializationException(sequence, streamId, alias, $"no event type is registered under the alias '{alias}'", null);
        }

        try
        {
            return JsonSerializer.Deserialize(json, eventType.TypeInfo)
                ?? throw new JsonException("the body is JSON null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventDeserializationException(sequence, streamId, alias, $"its body no longer deserializes as {eventType.ClrType.Name}: {e.Message}", e);
        }
    }

    private EventType Find(Type clrType) =>
        _byType.TryGetValue(clrType, out var eventType)
            ? eventType
            : throw new InvalidOperationException($"{clrType} is not a registered event type: register it with an alias in EventStoreOptions.Events.");

    [GeneratedRegex("^[a-z][a-z0-9_.]{0,99}$")]
    private static partial Regex AliasPattern();

    private sealed record EventType(string Alias, Type ClrType, JsonTypeInfo TypeInfo);
}
