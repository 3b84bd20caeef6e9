using Npgsql;

namespace Extensible.EventStore;

/// <summary>
/// Turns events into a read model kept in ordinary tables. Run inline (in the append's transaction) for
/// what must be visible at once, or async (by the projection daemon, one leader across nodes).
/// </summary>
public interface IProjection
{
    /// <summary>A stable name: the checkpoint, the leader lock and the dead letters are kept under it.</summary>
    string Name { get; }

    /// <summary>Creates the read model's tables if missing; runs at start-up under the migration lock.</summary>
    Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Applies events, in sequence order, inside <see cref="ProjectionBatch.Transaction"/>.</summary>
    Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken);

    /// <summary>Empties the read model before a rebuild from the first event.</summary>
    Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
