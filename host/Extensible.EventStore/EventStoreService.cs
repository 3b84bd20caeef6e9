using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>Migrates the store when the host starts, then runs the projection daemon until it stops.</summary>
public sealed class EventStoreService(EventStore store, ProjectionDaemon daemon, IHostApplicationLifetime lifetime) : IHostedService
{
    /// <summary>Whether the schema is up to date and the daemon runs: what readiness reports.</summary>
    public (bool Migrated, bool DaemonRunning) Status => (store.IsMigrated, daemon.IsRunning);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A database that is still starting (a container beside ours) gets a little while.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await store.MigrateAsync(patience.Token);
                break;
            }
            catch (NpgsqlException e) when (e.IsTransient && !patience.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), patience.Token);
            }
        }

        await daemon.StartAsync(store.Options.RunDaemon);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => daemon.StopAsync();
}
