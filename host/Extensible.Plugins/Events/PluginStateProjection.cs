using System.Text.Json;
using Extensible.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Extensible.Plugins.Events;

/// <summary>
/// Which plugins are switched off, their settings (secrets encrypted) and their last failure, kept inline so a change
/// is visible on every node the moment its append returns. A plugin without a row runs (bundled plugins run by default).
/// Also creates the plugins' key-value store table.
/// </summary>
internal sealed class PluginStateProjection : IProjection
{
    public string Name => "plugins";

    public async Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            create table if not exists plugin_states (
                id text primary key, enabled boolean not null default true, settings jsonb, last_failure text, updated timestamptz not null);
            create table if not exists plugin_store (
                plugin_id text not null, key text not null, value text not null, updated timestamptz not null default now(),
                primary key (plugin_id, key));
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        await using var sql = new NpgsqlBatch(batch.Connection, batch.Transaction);
        foreach (var e in batch.Events)
        {
            if (Command(e) is { } command)
            {
                sql.BatchCommands.Add(command);
            }
        }

        if (sql.BatchCommands.Count > 0)
        {
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate plugin_states", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand? Command(StoredEvent e) => e.Data switch
    {
        PluginEnabled p => Upsert(p.PluginId, e.Timestamp, "enabled = true", "enabled", true),
        PluginDisabled p => Upsert(p.PluginId, e.Timestamp, "enabled = false", "enabled", false),
        PluginInstalled p => Upsert(p.PluginId, e.Timestamp, "last_failure = null", "last_failure", DBNull.Value),
        PluginUpgraded p => Upsert(p.PluginId, e.Timestamp, "last_failure = null", "last_failure", DBNull.Value),
        PluginFailed p => Upsert(p.PluginId, e.Timestamp, "last_failure = excluded.last_failure", "last_failure", p.Reason),
        PluginSettingsSaved p => Upsert(p.PluginId, e.Timestamp, "settings = excluded.settings", "settings",
            new NpgsqlParameter { Value = JsonSerializer.Serialize(p.Values.ToDictionary(), PluginsJsonContext.Default.DictionaryStringString), NpgsqlDbType = NpgsqlDbType.Jsonb }),
        PluginUninstalled p => Delete(p.PluginId),
        _ => null,
    };

    private static NpgsqlBatchCommand Upsert(string id, DateTimeOffset at, string update, string column, object value)
    {
        var command = new NpgsqlBatchCommand(
            $"insert into plugin_states (id, {column}, updated) values ($1, $2, $3) on conflict (id) do update set {update}, updated = excluded.updated");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return command;
    }

    private static NpgsqlBatchCommand Delete(string id)
    {
        var command = new NpgsqlBatchCommand("delete from plugin_states where id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return command;
    }
}
