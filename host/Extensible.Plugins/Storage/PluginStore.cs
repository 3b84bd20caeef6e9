using Extensible.Sdk.Storage;
using Npgsql;

namespace Extensible.Plugins.Storage;

/// <summary>A plugin's key-value store: rows of <c>plugin_store</c> under the plugin's id, shared by every node.</summary>
internal sealed class PluginStore(string pluginId, NpgsqlDataSource dataSource, PluginStoreWrites writes) : IPluginStore
{
    private const int MaxKeyLength = 200;
    private const int MaxValueLength = 1024 * 1024;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        await using var command = dataSource.CreateCommand("select value from plugin_store where plugin_id = $1 and key = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pluginId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"A stored value must be at most {MaxValueLength} characters.", nameof(value));
        }

        // Many calls of a busy plugin write at once: they share commits (group commit).
        await writes.SetAsync(pluginId, key, value, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        await using var command = dataSource.CreateCommand("delete from plugin_store where plugin_id = $1 and key = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pluginId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void Check(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A key must have 1 to {MaxKeyLength} characters.", nameof(key));
        }
    }
}
