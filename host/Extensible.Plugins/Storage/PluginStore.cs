using Extensible.Sdk.Storage;
using Npgsql;

namespace Extensible.Plugins.Storage;

/// <summary>A plugin's key-value store: rows of <c>plugin_store</c> under the plugin's id, shared by every node.</summary>
internal sealed class PluginStore(string pluginId, NpgsqlDataSource dataSource) : IPluginStore
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

        await using var command = dataSource.CreateCommand(
            "insert into plugin_store (plugin_id, key, value) values ($1, $2, $3) on conflict (plugin_id, key) do update set value = excluded.value, updated = now()");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pluginId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        await command.ExecuteNonQueryAsync(cancellationToken);
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
