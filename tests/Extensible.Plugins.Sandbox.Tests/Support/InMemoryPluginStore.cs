using System.Collections.Concurrent;
using Extensible.Sdk.Storage;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>A plugin store in memory, enforcing the SDK's documented key and value limits.</summary>
public sealed class InMemoryPluginStore : IPluginStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        return Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 1024 * 1024)
        {
            throw new ArgumentException("A value holds at most 1 MiB.", nameof(value));
        }

        _values[key] = value;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        return Task.FromResult(_values.TryRemove(key, out _));
    }

    private static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > 200)
        {
            throw new ArgumentException("A key holds at most 200 characters.", nameof(key));
        }
    }
}
