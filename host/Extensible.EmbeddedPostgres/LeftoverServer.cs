using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Extensible.EmbeddedPostgres;

/// <summary>What an earlier run may have left in the cluster: a stale postmaster.pid, or a server still running.</summary>
internal static class LeftoverServer
{
    /// <summary>
    /// A postmaster.pid naming a dead or foreign process is removed; a live server whose owning host is gone is stopped;
    /// a live server whose owner still runs is not ours to touch.
    /// </summary>
    public static async Task RecoverAsync(ClusterLayout layout, PgCtl pgCtl, ILogger logger, CancellationToken cancellationToken)
    {
        if (PostmasterPidFile.ReadProcessId(layout.ClusterDirectory) is not { } pid)
        {
            return;
        }

        if (!PostmasterPidFile.IsServerOf(pid, layout.ClusterDirectory))
        {
            var pidFile = PostmasterPidFile.PathIn(layout.ClusterDirectory);
            EmbeddedPostgresLog.RemovingStalePidFile(logger, pidFile, pid);
            File.Delete(pidFile);
            return;
        }

        var owner = ClusterOwner.Read(layout.OwnerFile);
        if (owner is not null && owner.IsAlive())
        {
            throw new EmbeddedPostgresException(owner.IsCurrentProcess
                ? $"The PostgreSQL server in '{layout.ClusterDirectory}' (PID {pid}) was already started by this process. " +
                  "Stop or dispose the other EmbeddedPostgres first, or give this one its own data folder."
                : $"The data folder '{layout.DataDirectory}' is in use: its PostgreSQL server (PID {pid}) was started by another " +
                  $"process that is still running (PID {owner.ProcessId}). Stop that Extensible host first, or give this one its own " +
                  "data folder (Extensible__DataDir) or an existing server (ConnectionStrings__Extensible).");
        }

        EmbeddedPostgresLog.StoppingOrphanedServer(logger, pid, layout.ClusterDirectory,
            owner is null ? "no owner recorded" : $"owner PID {owner.ProcessId} has exited");
        var result = await pgCtl.StopAsync("fast", cancellationToken);
        if (!result.Succeeded && PostmasterPidFile.IsServerOf(pid, layout.ClusterDirectory))
        {
            throw new EmbeddedPostgresException(
                $"A PostgreSQL server (PID {pid}) left running in '{layout.ClusterDirectory}' by a host that crashed could not be " +
                $"stopped:\n{result.Output}\nStop it yourself (`kill {pid}` as root or the '{pgCtl.Account.Name}' user), then start again.");
        }

        File.Delete(layout.OwnerFile);
    }

    /// <summary>
    /// Stops whatever server still runs in the data folder, so the folder can be removed. Test fixtures use it to clean
    /// up after crashed runs; it does nothing when no server of that cluster runs.
    /// </summary>
    public static async Task StopAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var layout = new ClusterLayout(dataDirectory);
        if (PostmasterPidFile.ReadProcessId(layout.ClusterDirectory) is not { } pid || !PostmasterPidFile.IsServerOf(pid, layout.ClusterDirectory))
        {
            return;
        }

        var account = await ServerAccount.ResolveAsync(cancellationToken);
        var binaries = await PostgresBinaries.ResolveAsync(null, layout.ReadClusterVersion(), NullLogger.Instance, cancellationToken);
        await new PgCtl(account, binaries, layout).StopAsync("immediate", cancellationToken);
    }
}
