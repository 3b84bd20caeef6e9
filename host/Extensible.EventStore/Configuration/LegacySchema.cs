using Npgsql;

namespace Extensible.EventStore.Configuration;

/// <summary>
/// Refuses a database written by the event store Extensible had before Marten (its <c>events</c> and <c>streams</c>
/// tables in the store's schema): nothing is converted, and starting over is the operator's decision.
/// </summary>
internal static class LegacySchema
{
    public static async Task RefuseAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from information_schema.tables where table_schema = $1 and table_name in ('events', 'streams', 'progression'))");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            throw new InvalidOperationException(
                $"The database holds events in the format of Extensible before 0.3 (tables 'events' and 'streams' in schema '{schema}'), which this version " +
                "does not read. Start from a new data folder (stop the host and move the old one away) or drop that schema, or point " +
                "Extensible:EventStore:Schema at a new schema. See docs/operations.md, \"Upgrading from the first event store\".");
        }
    }
}
