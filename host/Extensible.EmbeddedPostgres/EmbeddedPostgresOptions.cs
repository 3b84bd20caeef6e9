namespace Extensible.EmbeddedPostgres;

/// <summary>Where and how <see cref="EmbeddedPostgres"/> runs its private PostgreSQL cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The folder that holds the cluster (in its <c>postgres</c> subfolder) and the launcher's own files beside it:
    /// the server log, the loopback password and the record of which process owns the running server.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The folder with <c>pg_ctl</c>, <c>initdb</c> and <c>postgres</c>. When null they are looked up on <c>PATH</c>,
    /// then in the highest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>The loopback TCP port to listen on; 0 picks a free one at each start.</summary>
    public int Port { get; init; }

    /// <summary>The database created on first start, which <see cref="EmbeddedPostgres.ConnectionString"/> names.</summary>
    public string Database { get; init; } = "extensible";

    /// <summary>The cluster's superuser, which <see cref="EmbeddedPostgres.ConnectionString"/> logs in as.</summary>
    public string User { get; init; } = "extensible";

    /// <summary>Extra server settings passed as <c>-c name=value</c> (tests use <c>fsync=off</c>).</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long to wait for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Picks a free loopback port when <see cref="Port"/> is 0; tests replace it to provoke a clash.</summary>
    internal Func<int> PickFreePort { get; init; } = LoopbackPort.PickFree;
}
