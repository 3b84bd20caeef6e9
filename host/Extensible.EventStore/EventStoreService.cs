using Extensible.EventStore.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>
/// Brings Marten's schema (events, streams, every read-model table modules declare) up to date when the host starts,
/// then runs this node's event notifications until it stops. Marten's own hosted daemon runs the async projections.
/// </summary>
public sealed class EventStoreService(EventStore store) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _notifications = Task.CompletedTask;

    /// <summary>Whether the schema is up to date and this node follows events: what readiness reports.</summary>
    public (bool Migrated, bool DaemonRunning) Status => (store.IsMigrated, !_notifications.IsCompleted);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A database that is still starting (a container beside ours) gets a little while; then its error stands.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var changed = false;
        while (true)
        {
            try
            {
                await LegacySchema.RefuseAsync(store.DataSource, store.Options.Schema, cancellationToken);
                changed = await StoreSchema.ApplyAsync(store.Marten, store.DataSource, store.Options.Schema, cancellationToken);
                break;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                EventStoreLog.DatabaseNotReady(store.Logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        store.IsMigrated = true;
        EventStoreLog.SchemaReady(store.Logger, store.Options.Schema, changed ? "brought up to date" : "unchanged", (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _notifications = Task.WhenAll(
            Task.Run(() => store.Notifications.SendAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => store.Notifications.ListenAsync(_stopping.Token), CancellationToken.None));
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _notifications.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();
}
