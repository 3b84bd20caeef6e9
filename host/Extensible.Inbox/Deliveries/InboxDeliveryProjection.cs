using System.Text;
using System.Text.Json;
using Extensible.EventStore;
using Extensible.Inbox.Threads;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Inbox.Deliveries;

/// <summary>
/// The kept deliveries' rows, kept inline: a delivery kept by the webhook is listed the moment its 400 is answered, and a
/// replay or a dismissal changes its row in the append's own transaction (which is what lets them check it first).
/// </summary>
internal sealed class InboxDeliveryProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case InboxDeliveryFailed f:
                    var body = f.Raw is null ? null : Convert.FromBase64String(f.Raw);
                    operations.QueueSql(
                        "insert into inbox_deliveries (id, workspace_id, account_id, plugin_id, received_at, error, status, body_bytes, body_text, body_cut, method, query, headers, body, updated) "
                        + "values ($1, $2, $3, $4, $5, $6, 'kept', $7, $8, $9, $10, $11, $12, $13, $5) on conflict (id) do nothing",
                        e.Id, f.WorkspaceId, f.AccountId, f.PluginId, e.Timestamp, f.Reason, body?.Length ?? Encoding.UTF8.GetByteCount(f.Body), f.Body, f.BodyCut,
                        f.Method, Json(f.Query), Json(f.Headers), body);
                    break;
                case InboxDeliveryReplayed r:
                    operations.QueueSql(
                        "update inbox_deliveries set status = 'replayed', replays = replays + 1, stored = $2, closed_by = $3, updated = $4 where id = $1",
                        r.DeliveryId, r.Stored, r.By, e.Timestamp);
                    break;
                case InboxDeliveryReplayFailed r:
                    operations.QueueSql("update inbox_deliveries set error = $2, replays = replays + 1, updated = $3 where id = $1", r.DeliveryId, r.Reason, e.Timestamp);
                    break;
                case InboxDeliveryDismissed d:
                    operations.QueueSql("update inbox_deliveries set status = 'dismissed', closed_by = $2, updated = $3 where id = $1", d.DeliveryId, d.By, e.Timestamp);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static string? Json(IReadOnlyDictionary<string, string>? values) =>
        values is null ? null : JsonSerializer.Serialize(values, InboxJsonContext.Default.IReadOnlyDictionaryStringString);
}
