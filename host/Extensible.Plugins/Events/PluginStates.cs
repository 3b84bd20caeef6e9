using System.Text.Json;
using Npgsql;

namespace Extensible.Plugins.Events;

/// <summary>Reads the plugins' read model.</summary>
internal sealed class PluginStates(NpgsqlDataSource dataSource)
{
    public async Task<PluginStateRow> ReadAsync(string pluginId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select enabled, settings::text, last_failure from plugin_states where id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pluginId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : PluginStateRow.Default;
    }

    public async Task<Dictionary<string, PluginStateRow>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select enabled, settings::text, last_failure, id from plugin_states");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, PluginStateRow>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(3)] = Row(reader);
        }

        return rows;
    }

    private static PluginStateRow Row(NpgsqlDataReader reader) => new(
        reader.GetBoolean(0),
        reader.IsDBNull(1) ? new Dictionary<string, string?>() : JsonSerializer.Deserialize(reader.GetString(1), PluginsJsonContext.Default.DictionaryStringString) ?? [],
        reader.IsDBNull(2) ? null : reader.GetString(2));
}
