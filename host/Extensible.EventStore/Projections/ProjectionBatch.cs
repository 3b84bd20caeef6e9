using Npgsql;

namespace Extensible.EventStore;

/// <summary>Events for a projection and the transaction its writes belong to.</summary>
/// <param name="Connection">The connection the transaction runs on.</param>
/// <param name="Transaction">Commits the read-model writes together with the append (inline) or the checkpoint (async).</param>
/// <param name="Events">The events, in sequence order.</param>
public sealed record ProjectionBatch(NpgsqlConnection Connection, NpgsqlTransaction Transaction, IReadOnlyList<StoredEvent> Events);
