using Extensible.Plugins.Catalog;

namespace Extensible.Plugins.Calls;

/// <summary>
/// A running plugin's capability, reachable only through its plugin's <see cref="PluginCallGuard"/>. Fetch it from
/// <see cref="IPluginCapabilities"/> for each use rather than keeping it: once the plugin is unloaded its calls fail with
/// <see cref="PluginCallFailure.Unloaded"/> and it no longer holds the plugin in memory.
/// </summary>
/// <typeparam name="T">The SDK capability interface.</typeparam>
public sealed class GuardedCapability<T> where T : class
{
    private readonly PluginCallGuard _guard;
    private T? _instance;

    internal GuardedCapability(string pluginId, PluginCapability description, T instance, PluginCallGuard guard)
    {
        PluginId = pluginId;
        Description = description;
        _instance = instance;
        _guard = guard;
    }

    /// <summary>The plugin it belongs to.</summary>
    public string PluginId { get; }

    /// <summary>Its kind, key, name and description.</summary>
    public PluginCapability Description { get; }

    /// <summary>Calls the capability under guard.</summary>
    /// <exception cref="PluginCallException">The plugin threw, timed out, is paused by its breaker or was unloaded.</exception>
    public Task<TResult> CallAsync<TResult>(string operation, Func<T, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var instance = _instance ?? throw Unloaded(operation);
        return _guard.CallAsync(operation, token => call(instance, token), cancellationToken);
    }

    /// <summary>Calls the capability under guard, for calls without a result.</summary>
    /// <exception cref="PluginCallException">The plugin threw, timed out, is paused by its breaker or was unloaded.</exception>
    public Task CallAsync(string operation, Func<T, CancellationToken, Task> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var instance = _instance ?? throw Unloaded(operation);
        return _guard.CallAsync(operation, token => call(instance, token), cancellationToken);
    }

    internal void Drop() => _instance = null;

    private PluginCallException Unloaded(string operation) =>
        new(PluginId, PluginCallFailure.Unloaded, $"The plugin '{PluginId}' is no longer running; {operation} was not called.");
}
