using System.Text.Json.Nodes;
using Npgsql;

namespace Extensible.People.Audit;

/// <summary>
/// The audit trail as the console and the API show it: a page of events with a sentence each, people's names instead
/// of ids, and the event's fields without its secrets.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource db, PeopleDirectory directory, EventStore.EventStore store)
{
    /// <summary>
    /// Who sees the server's events (plugins installed, configured, switched) beside their workspace's: the one place
    /// the page and the API ask.
    /// </summary>
    // server operator: switch to Policies.OperateServer
    public const string ServerWidePolicy = Policies.OperateServer;

    /// <summary>A page of the workspace's trail, newest first, by keyset.</summary>
    public async Task<AuditLines> PageAsync(Guid workspaceId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await directory.AuditAsync(workspaceId, query.Before, query.Type, query.User, query.PageSize, query.ServerWide, cancellationToken);
        var bodies = page.Entries.Select(e => (Entry: e, Body: AuditRedaction.Redact(e.Type, e.Data))).ToList();
        var names = await NamesAsync(bodies, cancellationToken);
        return new AuditLines(
            [.. bodies.Select(b => new AuditLine(b.Entry.Sequence, b.Entry.Timestamp, b.Entry.Type, b.Entry.StreamId, b.Entry.User,
                names.Actor(b.Entry.User), AuditNarrator.Narrate(b.Entry.Type, b.Entry.User, b.Body, names), b.Body))],
            page.Before);
    }

    private async Task<AuditNames> NamesAsync(List<(AuditEntry Entry, JsonObject? Body)> events, CancellationToken cancellationToken)
    {
        var names = new AuditNames();
        var people = Ids(events, "UserId", "OwnerId", "CreatedBy", "AssigneeId")
            .Concat(events.Select(e => Guid.TryParse(e.Entry.User, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)).Distinct().ToArray();
        var emails = events.Select(e => e.Entry.User).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(e => e.ToLowerInvariant()).ToArray();
        await using (var command = db.CreateCommand("select id, email, display_name from people_users where id = any($1) or lower(email) = any($2)"))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = people });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = emails });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.PeopleById[reader.GetGuid(0)] = (reader.GetString(1), reader.GetString(2));
                names.PeopleByEmail[reader.GetString(1)] = reader.GetString(2);
            }
        }

        await ReadAsync("select id, email from people_invitations where id = any($1)", Ids(events, "InvitationId"), names.InvitationEmails, cancellationToken);
        await ReadAsync("select id, name from people_tokens where id = any($1)", Ids(events, "TokenId"), names.TokenNames, cancellationToken);

        var plugins = events.Where(e => e.Entry.StreamId.StartsWith(AuditEventTypes.PluginStreamPrefix, StringComparison.Ordinal)).Select(e => e.Entry.StreamId).Distinct().ToArray();
        if (plugins.Length > 0)
        {
            // A plugin's name is in its install events only; the latest one names it.
            await using var command = db.CreateCommand(
                $"""
                select distinct on (stream_id) stream_id, data ->> 'Name' from "{store.Options.Schema}".mt_events
                 where tenant_id = $1 and stream_id = any($2) and type = 'plugin_installed' order by stream_id, seq_id desc
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AuditEventTypes.ServerTenant });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = plugins });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(1))
                {
                    names.PluginNames[reader.GetString(0)[AuditEventTypes.PluginStreamPrefix.Length..]] = reader.GetString(1);
                }
            }
        }

        return names;
    }

    private async Task ReadAsync(string sql, Guid[] ids, Dictionary<Guid, string> into, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into[reader.GetGuid(0)] = reader.GetString(1);
        }
    }

    private static Guid[] Ids(List<(AuditEntry Entry, JsonObject? Body)> events, params string[] fields) =>
        [.. events.Where(e => e.Body is not null)
            .SelectMany(e => fields.Select(f => AuditRedaction.Field(e.Body!, f)?.ToString()))
            .Select(text => Guid.TryParse(text, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct()];
}
