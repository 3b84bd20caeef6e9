using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>Migrates the store when the host starts, then runs the projection daemon until it stops.</summary>
public sealed class EventStoreService(EventStore store, ProjectionDaemon daemon) : IHostedService
{
    /// <summary>Whether the schema is up to date and the daemon runs: what readiness reports.</summary>
    public (bool Migrated, bool DaemonRunning) Status => (store.IsMigrated, daemon.IsRunning);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A database that is still starting (a container beside ours) gets a little while; then its error stands.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                break;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                EventStoreLog.DatabaseNotReady(store.Logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        await daemon.StartAsync(store.Options.RunDaemon);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => daemon.StopAsync();
}
