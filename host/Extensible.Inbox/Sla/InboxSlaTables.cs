using Extensible.EventStore;
using Marten;

namespace Extensible.Inbox.Sla;

/// <summary>The business hours of each workspace that set them, kept inline by <see cref="InboxSlaProjection"/>; the measured times live on <c>inbox_threads</c>.</summary>
internal static class InboxSlaTables
{
    public static void Declare(StoreOptions options)
    {
        var hours = options.AddReadModelTable("inbox_business_hours");
        hours.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        // BusinessHours as JSON (InboxSlaJsonContext).
        hours.AddColumn("hours", "jsonb").NotNull();
        hours.AddColumn("updated", "timestamptz").NotNull();
    }
}
