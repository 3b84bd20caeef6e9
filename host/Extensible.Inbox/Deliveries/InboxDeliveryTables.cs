using Extensible.EventStore;
using Marten;

namespace Extensible.Inbox.Deliveries;

/// <summary>
/// The kept webhook deliveries, declared to Marten (Weasel creates and updates the table) and kept inline by
/// <see cref="InboxDeliveryProjection"/>: one row per delivery, with the request as it came so it can be replayed.
/// </summary>
internal static class InboxDeliveryTables
{
    public static void Declare(StoreOptions options)
    {
        var deliveries = options.AddReadModelTable("inbox_deliveries")
            .WithIndex("inbox_deliveries_workspace", ["workspace_id", "status", "received_at", "id"]);
        // The InboxDeliveryFailed event's id.
        deliveries.AddColumn<Guid>("id").AsPrimaryKey();
        deliveries.AddColumn<Guid>("workspace_id").NotNull();
        deliveries.AddColumn<Guid>("account_id").NotNull();
        deliveries.AddColumn("plugin_id", "text").NotNull();
        deliveries.AddColumn("received_at", "timestamptz").NotNull();
        // The connector's reason, the first time or after the latest replay.
        deliveries.AddColumn("error", "text").NotNull();
        // kept | replayed | dismissed
        deliveries.AddColumn("status", "text").NotNull();
        deliveries.AddColumn("body_bytes", "integer").NotNull();
        deliveries.AddColumn("body_text", "text").NotNull();
        deliveries.AddColumn("body_cut", "boolean").NotNull();
        // The request as it came (null for deliveries kept before replay existed): method, query and headers as JSON, exact body.
        deliveries.AddColumn("method", "text");
        deliveries.AddColumn("query", "text");
        deliveries.AddColumn("headers", "text");
        deliveries.AddColumn("body", "bytea");
        deliveries.AddColumn("replays", "integer").NotNull().DefaultValueByExpression("0");
        deliveries.AddColumn("stored", "integer");
        deliveries.AddColumn("closed_by", "uuid");
        deliveries.AddColumn("updated", "timestamptz").NotNull();
    }
}
