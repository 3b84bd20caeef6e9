using Npgsql;

namespace Extensible.EventStore.Tests.Support;

/// <summary>
/// Records every event it applies, with the node that applied it, and keeps a running count: an event applied
/// twice shows up in either.
/// </summary>
public sealed class SeenProjection(string name, string node = "node") : IProjection
{
    public string Name => name;

    /// <summary>Runs before each batch; throw to make the projection fail.</summary>
    public Func<IReadOnlyList<StoredEvent>, Task>? BeforeApply { get; set; }

    public async Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            create table if not exists {name}_seen (seq bigint not null, stream_id text not null, node text not null);
            create table if not exists {name}_count (n bigint not null);
            insert into {name}_count select 0 where not exists (select 1 from {name}_count);
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        if (BeforeApply is { } before)
        {
            await before(batch.Events);
        }

        await using var command = new NpgsqlCommand(
            $"""
            insert into {name}_seen (seq, stream_id, node) select unnest(@seqs), unnest(@streams), @node;
            update {name}_count set n = n + @count;
            """, batch.Connection, batch.Transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("seqs", [.. batch.Events.Select(e => e.Sequence)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", [.. batch.Events.Select(e => e.StreamId)]));
        command.Parameters.Add(new NpgsqlParameter<string>("node", node));
        command.Parameters.Add(new NpgsqlParameter<long>("count", batch.Events.Count));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"delete from {name}_seen; update {name}_count set n = 0;", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
