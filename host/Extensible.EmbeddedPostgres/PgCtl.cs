using System.Globalization;

namespace Extensible.EmbeddedPostgres;

/// <summary>The cluster's control commands (initdb, pg_ctl start and stop), run as the server account.</summary>
internal sealed class PgCtl(ServerAccount account, PostgresBinaries binaries, ClusterLayout layout)
{
    public ServerAccount Account => account;

    public PostgresBinaries Binaries => binaries;

    public Task<CommandResult> InitDbAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        account.RunAsync(binaries.InitDb, ["-D", layout.ClusterDirectory, .. arguments], cancellationToken);

    /// <summary>Starts the server detached, logging to the data folder, and waits until it reports ready.</summary>
    public Task<CommandResult> StartAsync(string serverOptions, TimeSpan timeout, CancellationToken cancellationToken) =>
        account.RunAsync(binaries.PgCtl,
        [
            "start", "-D", layout.ClusterDirectory, "-l", layout.LogFile, "-w",
            "-t", Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "-o", serverOptions,
        ], cancellationToken);

    /// <summary>Stops the server and waits until it is down; "fast" rolls back open transactions and checkpoints.</summary>
    public Task<CommandResult> StopAsync(string mode, CancellationToken cancellationToken) =>
        account.RunAsync(binaries.PgCtl, ["stop", "-D", layout.ClusterDirectory, "-m", mode, "-w", "-t", "60"], cancellationToken);
}
