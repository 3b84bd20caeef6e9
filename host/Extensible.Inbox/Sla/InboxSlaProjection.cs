using System.Text.Json;
using Extensible.EventStore;
using Extensible.Inbox.Threads;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Inbox.Sla;

/// <summary>
/// Measures each thread in business time, inline, after <see cref="ReadModel.InboxProjection"/>: who sent the first reply and
/// how long it took, who resolved the thread and how long that took, under the business hours in force at that moment
/// (changing the hours later does not rewrite what was measured). Only a reply or a resolution reads anything (the thread's
/// first item and the workspace's hours, one query); arriving items cost nothing here.
/// </summary>
internal sealed class InboxSlaProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case InboxBusinessHoursChanged h:
                    operations.QueueSql(
                        "insert into inbox_business_hours (workspace_id, hours, updated) values ($1, $2::jsonb, $3) "
                        + "on conflict (workspace_id) do update set hours = excluded.hours, updated = excluded.updated",
                        h.WorkspaceId, JsonSerializer.Serialize(h.Hours, InboxSlaJsonContext.Default.BusinessHours), e.Timestamp);
                    break;
                case InboxReplySent s:
                    if (await MeasureAsync(operations, s.ThreadId, cancellation) is { Answered: false } first)
                    {
                        operations.QueueSql(
                            "update inbox_threads set first_responder_id = $2, first_response_seconds = $3 where id = $1 and first_responder_id is null",
                            s.ThreadId, s.By, Seconds(first, e.Timestamp));
                    }

                    break;
                case InboxThreadStatusChanged { Status: InboxStatus.Resolved } r:
                    if (await MeasureAsync(operations, r.ThreadId, cancellation) is { } resolved)
                    {
                        operations.QueueSql("update inbox_threads set resolved_by = $2, resolution_seconds = $3 where id = $1", r.ThreadId, r.By, Seconds(resolved, e.Timestamp));
                    }

                    break;
            }
        }
    }

    private static long Seconds(Measure measure, DateTimeOffset until)
    {
        return (long)new BusinessClock(measure.Hours ?? BusinessHours.Default, InboxBusinessHours.Zone(measure.Zone)).Between(measure.FirstItemAt, until).TotalSeconds;
    }

    // What a measurement needs, in one query; null when the thread is not in the read model (its first item is in this very batch).
    private static async Task<Measure?> MeasureAsync(IDocumentOperations operations, Guid threadId, CancellationToken cancellation)
    {
        var rows = await operations.QueryAsync<string>('^',
            "select jsonb_build_object('firstItemAt', t.first_item_at, 'answered', t.first_responder_id is not null, "
            + "'zone', coalesce(s.time_zone, 'UTC'), 'hours', h.hours)::text from inbox_threads t "
            + "left join inbox_business_hours h on h.workspace_id = t.workspace_id left join publishing_settings s on s.workspace_id = t.workspace_id where t.id = ^",
            cancellation, threadId);
        return rows is [var json, ..] ? JsonSerializer.Deserialize(json, InboxSlaJsonContext.Default.Measure) : null;
    }

    internal sealed record Measure(DateTimeOffset FirstItemAt, bool Answered, string Zone, BusinessHours? Hours);
}
