using Npgsql;

namespace Extensible.EventStore;

/// <summary>
/// What the store needs of the <see cref="NpgsqlDataSource"/> it is built on. The host, the tests and the benchmarks
/// build their data sources through <see cref="UseEventStoreSettings"/>, so they all measure and test what runs.
/// </summary>
public static class EventStoreDataSource
{
    /// <summary>
    /// The most statements each connection keeps prepared, unless the connection string sets its own: more than the
    /// product's distinct statements, because evicting one to prepare another inside a Marten batch failed appends with
    /// "bind message supplies 13 parameters, but prepared statement requires 5" (seen at 50 in the publish benchmark).
    /// </summary>
    public const int MaxAutoPrepare = 250;

    /// <summary>
    /// Prepares each connection's frequent statements automatically (Npgsql's <c>Max Auto Prepare</c>) and returns
    /// connections to the pool without a session reset (<c>No Reset On Close</c>).
    /// </summary>
    public static NpgsqlDataSourceBuilder UseEventStoreSettings(this NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Npgsql resets a pooled connection with DISCARD ALL unless it holds a prepared statement, and DISCARD ALL also
        // drops the plans PostgreSQL cached for Marten's append function: every single append then re-planned all its
        // statements on the server (16 writers: 850 appends/s; with auto-prepare 1,180, docs/performance.md). With a
        // statement prepared, Npgsql resets the session (settings, locks, listens) without discarding plans.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        }

        // A connection goes back to the pool as it is. The reset cost seven statements per checkout (38,000 checkouts in the
        // publish drain); nothing of ours leaves session state behind: advisory locks are per transaction, and LISTEN
        // runs on connections held for as long as they listen.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder;
    }
}
