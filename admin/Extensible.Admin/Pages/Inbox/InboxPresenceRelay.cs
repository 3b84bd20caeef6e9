using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Carries inbox presence between the nodes that share one database, over PostgreSQL's LISTEN/NOTIFY (the engine every
/// node already has; nothing of it is stored). Each node tells the others who is in a thread on it whenever that changes,
/// and again every <see cref="AnnounceEvery"/>, so a node that stops (or misses a notice) is forgotten after
/// <see cref="ForgetAfter"/>. A host without a database (some test hosts) keeps presence to itself.
/// </summary>
public sealed partial class InboxPresenceRelay(IServiceProvider services, InboxPresence presence, ILogger<InboxPresenceRelay> logger) : BackgroundService
{
    /// <summary>How often a node says again who is in its open threads.</summary>
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(10);

    /// <summary>How long another node's word on a thread holds without being said again.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(25);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<EventStore.EventStore>() is not { } store || services.GetService<NpgsqlDataSource>() is not { } db)
        {
            return;
        }

        var channel = store.Options.Schema + "_inbox_presence";
        presence.Relay = (notice, ct) => SendAsync(db, channel, notice, ct);
        await Task.WhenAll(ListenAsync(db, channel, stoppingToken), AnnounceAsync(stoppingToken));
    }

    private async Task SendAsync(NpgsqlDataSource db, string channel, InboxPresenceNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = db.CreateCommand("select pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(notice, InboxPresenceJson.Default.InboxPresenceNotice) });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            SendFailed(logger, notice.ThreadId, e);
        }
    }

    private async Task ListenAsync(NpgsqlDataSource db, string channel, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => _ = HeardAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // The others learn at once who is here, rather than at the next round.
                await presence.AnnounceAllAsync(cancellationToken);
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
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                ListenerLost(logger, delay, e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task HeardAsync(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize(payload, InboxPresenceJson.Default.InboxPresenceNotice) is { } notice)
            {
                await presence.HeardAsync(notice, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Only nodes write to the channel; a notice that does not read is dropped.
            HeardUnreadable(logger, e);
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(AnnounceEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await presence.AnnounceAllAsync(cancellationToken);
                await presence.ForgetSilentNodesAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 54, Level = LogLevel.Warning, Message = "Could not tell the other nodes who is in inbox thread {ThreadId}")]
    private static partial void SendFailed(ILogger logger, Guid threadId, Exception exception);

    [LoggerMessage(EventId = 55, Level = LogLevel.Warning, Message = "Lost the other nodes' inbox presence; listening again in {Delay}")]
    private static partial void ListenerLost(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 56, Level = LogLevel.Warning, Message = "Dropped an inbox presence notice that did not read")]
    private static partial void HeardUnreadable(ILogger logger, Exception exception);
}

/// <summary>What one node tells the others about one thread: who is in it there now (nobody, when the last one left).</summary>
/// <param name="Node">The node that tells.</param>
/// <param name="WorkspaceId">The thread's workspace.</param>
/// <param name="ThreadId">The thread.</param>
/// <param name="Viewers">Who has it open on that node.</param>
public sealed record InboxPresenceNotice(string Node, string WorkspaceId, Guid ThreadId, IReadOnlyList<InboxViewer> Viewers);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InboxPresenceNotice))]
internal sealed partial class InboxPresenceJson : JsonSerializerContext;
