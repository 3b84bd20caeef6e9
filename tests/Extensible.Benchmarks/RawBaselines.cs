using System.Text.Json;
using Extensible.Benchmarks.Inbox;
using Npgsql;
using NpgsqlTypes;

namespace Extensible.Benchmarks;

/// <summary>
/// The baselines: plain Npgsql writing the same events into tables of their own schema with the columns and indexes an
/// event table needs (seq from a sequence, unique id, unique tenant/stream/version, tenant/seq), as the hand-made store
/// before Marten had them. Marten writes more per event: its <c>mt_events</c> row and an upsert of the stream's
/// <c>mt_streams</c> row.
/// </summary>
internal sealed class RawBaselines(NpgsqlDataSource dataSource, InboxWorkload workload)
{
    public const string Schema = "bench_raw";

    private const string Columns = "id, tenant, stream_id, version, type, data";

    /// <summary>Drops whatever an earlier run left and makes one empty table per baseline.</summary>
    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            drop schema if exists {Schema} cascade;
            create schema {Schema};
            {Table("batched_insert")}
            {Table("binary_copy")}
            {Table("single_insert")}
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);

        // The definition of the events table of the store before Marten (unchanged, so figures compare across versions).
        static string Table(string name) => $"""
            create sequence {Schema}.{name}_seq as bigint;
            create table {Schema}.{name} (
                seq            bigint      primary key default nextval('{Schema}.{name}_seq'),
                id             uuid        not null unique,
                tenant         text        not null,
                stream_id      text        not null,
                version        bigint      not null,
                type           text        not null,
                data           jsonb       not null,
                timestamp      timestamptz not null default now(),
                correlation_id text,
                causation_id   text,
                user_name      text,
                headers        jsonb,
                unique (tenant, stream_id, version));
            create index on {Schema}.{name} (tenant, seq);
            """;
    }

    public async Task DropTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"drop schema if exists {Schema} cascade");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>(a insert) An NpgsqlBatch of 500 parameterized INSERTs in one transaction, one new stream per batch.</summary>
    public Scenario BatchedInsert(int round) => new($"(a insert) raw NpgsqlBatch of {InboxWorkload.BatchSize} INSERTs", 1, writer =>
    {
        var items = workload.Cursor(writer);
        var batches = 0;
        var sql = Insert("batched_insert");
        return async cancellationToken =>
        {
            var stream = InboxWorkload.BatchStream($"raw{round}", writer, batches++);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            for (var version = 1; version <= InboxWorkload.BatchSize; version++)
            {
                var command = new NpgsqlBatchCommand(sql);
                AddRow(command.Parameters, stream, version, items.Next());
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return InboxWorkload.BatchSize;
        };
    });

    /// <summary>(a copy) Binary COPY of 500 rows, committed at the end of each COPY.</summary>
    public Scenario BinaryCopy(int round) => new($"(a copy) raw binary COPY of {InboxWorkload.BatchSize} rows", 1, writer =>
    {
        var items = workload.Cursor(writer);
        var batches = 0;
        return async cancellationToken =>
        {
            var stream = InboxWorkload.BatchStream($"raw{round}", writer, batches++);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var importer = await connection.BeginBinaryImportAsync($"copy {Schema}.binary_copy ({Columns}) from stdin (format binary)", cancellationToken);
            for (var version = 1; version <= InboxWorkload.BatchSize; version++)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(InboxWorkload.Tenant, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(stream, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync((long)version, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(InboxWorkload.EventType, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(Serialize(items.Next()), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
            return InboxWorkload.BatchSize;
        };
    });

    /// <summary>(c) One autocommitted INSERT per round trip from 16 writers, each to conversations of its own.</summary>
    public Scenario SingleInserts(int round) => new($"(c) raw single-row INSERT, {InboxWorkload.ConcurrentWriters} writers", InboxWorkload.ConcurrentWriters, writer =>
    {
        var items = workload.Cursor(writer);
        var conversation = 0;
        var version = 0;
        var sql = Insert("single_insert");
        return async cancellationToken =>
        {
            if (version == InboxWorkload.EventsPerConversation)
            {
                conversation++;
                version = 0;
            }

            await using var command = dataSource.CreateCommand(sql);
            AddRow(command.Parameters, InboxWorkload.ConversationStream($"raw{round}", writer, conversation), ++version, items.Next());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return 1;
        };
    });

    private static string Insert(string table) => $"insert into {Schema}.{table} ({Columns}) values ($1, $2, $3, $4, $5, $6)";

    private static void AddRow(NpgsqlParameterCollection parameters, string stream, long version, InboxItemReceived item)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = InboxWorkload.Tenant });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = InboxWorkload.EventType });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = Serialize(item), NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    // Serialized per write, as the store does, so both pay for JSON.
    private static string Serialize(InboxItemReceived item) => JsonSerializer.Serialize(item, InboxJsonContext.Default.InboxItemReceived);
}
