using System.Collections.Concurrent;
using Extensible.Sdk.Storage;

namespace Extensible.Sdk.Testing.Storage;

/// <summary>The plugin's key-value store kept in memory, with the host's limits (keys up to 200 characters, values up to 1 MiB).</summary>
public sealed class InMemoryPluginStore : IPluginStore
{
    /// <summary>The longest key the host accepts.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The longest value the host accepts, in characters.</summary>
    public const int MaxValueLength = 1024 * 1024;

    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    /// <summary>A copy of everything stored, for assertions.</summary>
    public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(values.TryGetValue(key, out var value) ? value : null);
    }

    /// <inheritdoc />
    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"A stored value may be at most {MaxValueLength} characters; this one has {value.Length}.", nameof(value));
        }

        cancellationToken.ThrowIfCancellationRequested();
        values[key] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(values.TryRemove(key, out _));
    }

    private static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A key may be at most {MaxKeyLength} characters; this one has {key.Length}.", nameof(key));
        }
    }
}
