using System.Text;
using System.Text.Json;
using Extensible.EventStore;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Ingestion;
using Extensible.Sdk.Connectors;
using Npgsql;

namespace Extensible.Inbox.Deliveries;

/// <summary>
/// The workspace's kept webhook deliveries, for operators: listed, shown, replayed through their connector (once the cause
/// is fixed: a plugin upgraded, an account set right) or dismissed. Replays and dismissals are events, with who did them.
/// </summary>
public sealed class InboxDeliveries(NpgsqlDataSource db, EventStore.EventStore store, InboxWebhooks webhooks)
{
    /// <summary>The most deliveries a list shows.</summary>
    public const int MaxList = 200;

    private const string Columns =
        "d.id, d.account_id, d.plugin_id, d.received_at, d.error, d.body_bytes, d.status, d.replays, d.stored, d.closed_by, d.body is not null";

    /// <summary>The workspace's deliveries in <paramref name="status"/> (kept by default), newest first, at most <see cref="MaxList"/>.</summary>
    public async Task<IReadOnlyList<KeptDelivery>> ListAsync(Guid workspaceId, string status = KeptDelivery.Kept, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from inbox_deliveries d where d.workspace_id = $1 and d.status = $2 order by d.received_at desc, d.id desc limit $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxList });
        var deliveries = new List<KeptDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(Read(reader));
        }

        return deliveries;
    }

    /// <summary>How many deliveries of the workspace wait for an operator.</summary>
    public async Task<long> CountAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select count(*) from inbox_deliveries where workspace_id = $1 and status = 'kept'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>One delivery of the workspace with its body, or null.</summary>
    public async Task<KeptDeliveryView?> FindAsync(Guid workspaceId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns}, d.method, d.body_text, d.body_cut from inbox_deliveries d where d.workspace_id = $1 and d.id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new KeptDeliveryView(Read(reader), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetString(12), reader.GetBoolean(13))
            : null;
    }

    /// <summary>
    /// Runs a kept delivery through its account's connector again, as if it had just arrived (its signature checked against
    /// the time it first came). Read this time: its items are stored (those stored before, once) and it is marked replayed.
    /// Still unreadable: it stays kept with the new reason. Answers the delivery as it now is, or null when there is no such.
    /// </summary>
    /// <exception cref="InboxDeliveryClosedException">It was replayed or dismissed already: nothing changed.</exception>
    /// <exception cref="InboxActionException">Its plugin is not running, or failed: nothing changed.</exception>
    public async Task<KeptDelivery?> ReplayAsync(Guid workspaceId, Guid id, Guid by, CancellationToken cancellationToken = default)
    {
        if (await RequestAsync(workspaceId, id, cancellationToken) is not { } kept)
        {
            return null;
        }

        var (delivery, request) = kept;
        Open(delivery);
        var replay = await webhooks.ReplayAsync(delivery.AccountId, delivery.PluginId, request, cancellationToken);
        object recorded = replay.Read
            ? new InboxDeliveryReplayed(id, delivery.AccountId, workspaceId, replay.Items, replay.Stored, by)
            : new InboxDeliveryReplayFailed(id, delivery.AccountId, workspaceId, Cut(replay.Error ?? "It still could not be read.", 1000), by);
        await RecordAsync(workspaceId, delivery, recorded, by, cancellationToken);
        return (await FindAsync(workspaceId, id, cancellationToken))?.Delivery;
    }

    /// <summary>Dismisses a kept delivery: it is not replayed and leaves the list. Answers it as it now is, or null when there is no such.</summary>
    /// <exception cref="InboxDeliveryClosedException">It was replayed or dismissed already: nothing changed.</exception>
    public async Task<KeptDelivery?> DismissAsync(Guid workspaceId, Guid id, Guid by, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(workspaceId, id, cancellationToken) is not { } view)
        {
            return null;
        }

        Open(view.Delivery);
        await RecordAsync(workspaceId, view.Delivery, new InboxDeliveryDismissed(id, view.Delivery.AccountId, workspaceId, by), by, cancellationToken);
        return (await FindAsync(workspaceId, id, cancellationToken))?.Delivery;
    }

    // The delivery's row is locked and checked in the append's transaction: of two operators acting at once, one is told.
    private async Task RecordAsync(Guid workspaceId, KeptDelivery delivery, object change, Guid by, CancellationToken cancellationToken)
    {
        var result = await store.AppendDecidedAsync(
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand("select status from inbox_deliveries where id = $1 for update", connection);
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = delivery.Id });
                return await command.ExecuteScalarAsync(token) is KeptDelivery.Kept
                    ? [new StreamAppend(InboxStreams.Deliveries(delivery.AccountId), ExpectedVersion.Any, [NewEvent.For(change)])]
                    : [];
            },
            new EventMetadata { Tenant = workspaceId.ToString(), User = by.ToString() },
            cancellationToken);
        if (result is null)
        {
            throw new InboxDeliveryClosedException("Someone else replayed or dismissed this delivery meanwhile.");
        }
    }

    private async Task<(KeptDelivery Delivery, WebhookDelivery Request)?> RequestAsync(Guid workspaceId, Guid id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select {Columns}, d.method, d.query, d.headers, d.body, d.body_text from inbox_deliveries d where d.workspace_id = $1 and d.id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var delivery = Read(reader);
        // A delivery kept before replay existed has only its body's text: it is sent as that, unsigned, and its connector says so.
        var request = new WebhookDelivery
        {
            Method = reader.IsDBNull(11) ? "POST" : reader.GetString(11),
            Query = Dictionary(reader, 12),
            Headers = Dictionary(reader, 13),
            Body = reader.IsDBNull(14) ? Encoding.UTF8.GetBytes(reader.GetString(15)) : reader.GetFieldValue<byte[]>(14),
            ReceivedAt = delivery.ReceivedAt,
        };
        return (delivery, request);
    }

    private static void Open(KeptDelivery delivery)
    {
        if (delivery.Status != KeptDelivery.Kept)
        {
            throw new InboxDeliveryClosedException($"This delivery was {delivery.Status} already.");
        }
    }

    private static IReadOnlyDictionary<string, string> Dictionary(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(reader.GetString(ordinal), InboxJsonContext.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string>();

    private static KeptDelivery Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetInt32(5),
        reader.GetString(6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetGuid(9), reader.GetBoolean(10));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
