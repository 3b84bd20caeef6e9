namespace Extensible.Sdk.Storage;

/// <summary>
/// A plugin's own key-value store, kept by the host in PostgreSQL and shared by every node. Values are strings (usually
/// JSON the plugin serializes itself with its own serializer options — the host never serializes plugin types).
/// </summary>
public interface IPluginStore
{
    /// <summary>Reads a value.</summary>
    /// <param name="key">The key, at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or <see langword="null"/> when the key has none.</returns>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a value, replacing any previous one.</summary>
    /// <param name="key">The key, at most 200 characters.</param>
    /// <param name="value">The value, at most 1 MiB.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns><see langword="true"/> when there was a value to remove.</returns>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);
}
