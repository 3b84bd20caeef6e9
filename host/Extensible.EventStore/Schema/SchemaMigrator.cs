using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EventStore.Schema;

/// <summary>
/// Brings the store's schema up to date. Runs under a transaction-scoped advisory lock, so several nodes
/// starting at once apply each migration exactly once and none sees a half-made schema.
/// </summary>
internal sealed class SchemaMigrator(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey.For(options.Schema, "migrations") });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var schema = options.QuotedSchema;
        await Execute(connection, transaction, $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations (
                version int primary key, name text not null, applied timestamptz not null default now());
            """, cancellationToken);

        long applied;
        await using (var versionCommand = new NpgsqlCommand($"select coalesce(max(version), 0) from {schema}.schema_migrations", connection, transaction))
        {
            applied = Convert.ToInt64(await versionCommand.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var migration in Migrations.All.Where(m => m.Version > applied))
        {
            await Execute(connection, transaction, migration.Sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken);
            await using var record = new NpgsqlCommand($"insert into {schema}.schema_migrations (version, name) values ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            EventStoreLog.MigrationApplied(logger, options.Schema, migration.Version, migration.Name);
        }

        foreach (var projection in options.Projections.All)
        {
            await projection.InitializeAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The latest version this build knows.</summary>
    public static int LatestVersion => Migrations.All[^1].Version;

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
