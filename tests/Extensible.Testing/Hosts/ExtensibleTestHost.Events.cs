using Npgsql;

namespace Extensible.Testing.Hosts;

// Everything the fixture knows of the event store's settings and tables, in one place: replacing the store changes this file.
public sealed partial class ExtensibleTestHost
{
    /// <summary>Short poll and leader-retry intervals, so projections and a standby node follow within a test's patience.</summary>
    private static readonly string[] EventStoreArguments =
        ["--Extensible:EventStore:PollInterval=00:00:00.100", "--Extensible:EventStore:LeaderRetryInterval=00:00:00.200"];

    /// <summary>The data of the stored events of type <paramref name="type"/>, as JSON, oldest first.</summary>
    /// <param name="type">The event type's alias (<c>plugin_installed</c>).</param>
    /// <param name="pluginId">Only those whose <c>PluginId</c> is this, when given.</param>
    /// <returns>Their data.</returns>
    public async Task<IReadOnlyList<string>> StoredEventsAsync(string type, string? pluginId = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select data::text from extensible.mt_events where type = $1 and ($2::text is null or data->>'PluginId' = $2) order by seq_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)pluginId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>How many events are stored, to show that refused input stored nothing.</summary>
    /// <returns>The count.</returns>
    public async Task<long> StoredEventCountAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("select count(*) from extensible.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
