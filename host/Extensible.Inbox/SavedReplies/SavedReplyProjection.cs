using Extensible.EventStore;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Inbox.SavedReplies;

/// <summary>The saved replies' read model, kept inline: a reply saved is in the picker the moment its append returns.</summary>
internal sealed class SavedReplyProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case SavedReplyCreated c:
                    operations.QueueSql(
                        $"insert into {SavedReplyTables.Table} (id, workspace_id, name, name_key, text, shortcut, version, updated, updated_by) "
                        + "values ($1, $2, $3, $4, $5, $6, 1, $7, $8)",
                        c.SavedReplyId, c.WorkspaceId, c.Name, SavedReplyLibrary.NameKey(c.Name), c.Text, c.Shortcut, e.Timestamp, c.By);
                    break;
                case SavedReplyEdited d:
                    // Each event of the stream passes here once, in order: counting them gives the stream's version, which edits expect.
                    operations.QueueSql(
                        $"update {SavedReplyTables.Table} set name = $2, name_key = $3, text = $4, shortcut = $5, version = version + 1, updated = $6, updated_by = $7 where id = $1",
                        d.SavedReplyId, d.Name, SavedReplyLibrary.NameKey(d.Name), d.Text, d.Shortcut, e.Timestamp, d.By);
                    break;
                case SavedReplyDeleted x:
                    operations.QueueSql($"delete from {SavedReplyTables.Table} where id = $1", x.SavedReplyId);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
