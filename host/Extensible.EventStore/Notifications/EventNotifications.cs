using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EventStore.Notifications;

/// <summary>
/// Tells every node that events were committed. The NOTIFY is sent after the append's commit, from a
/// connection of its own and coalesced, not inside the append: a NOTIFY in the append's transaction takes
/// PostgreSQL's global notify lock at commit and serializes all concurrent appenders (measured: 2.5× fewer
/// commits per second with 16 writers). A node that misses a notification finds the events by polling.
/// </summary>
internal sealed class EventNotifications(NpgsqlDataSource dataSource, EventStoreOptions options, EventSignal signal, ILogger logger)
{
    private readonly Channel<bool> _pending = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private static readonly TimeSpan CoalesceInterval = TimeSpan.FromMilliseconds(10);

    private string ChannelName => options.Schema + "_events";

    /// <summary>Called after a commit on this node: wakes local readers now and other nodes soon.</summary>
    public void Committed()
    {
        signal.Pulse();
        _pending.Writer.TryWrite(true);
    }

    /// <summary>Sends coalesced notifications until stopped.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _pending.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await using var command = dataSource.CreateCommand("select pg_notify($1, '')");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ChannelName });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                EventStoreLog.NotifyFailed(logger, e);
            }

            // Commits during the pause share the next notification: at most one per interval, however busy the node.
            await Task.Delay(CoalesceInterval, cancellationToken);
        }
    }

    /// <summary>Listens for other nodes' notifications until stopped, reconnecting after failures.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"listen \"{ChannelName}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Anything committed while no one listened is found now.
                signal.Pulse();
                delay = TimeSpan.FromMilliseconds(200);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                EventStoreLog.ListenerLost(logger, delay, e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
