using Extensible.People;
using Npgsql;

namespace Extensible.Inbox.Sla;

/// <summary>
/// Computes the team report (<see cref="InboxTeamReport"/>) in PostgreSQL: medians and 90th percentiles
/// (<c>percentile_cont</c>) of the business times the projection measured, grouped by person, by network and for the team in
/// one query. Read by every member.
/// </summary>
public sealed class InboxReporting(NpgsqlDataSource db, InboxBusinessHours businessHours, PeopleDirectory people, TimeProvider clock)
{
    /// <summary>The periods the report covers, in days.</summary>
    public static IReadOnlyList<int> Periods { get; } = [7, 30];

    // Both measures, each grouped by person, by network and for everyone; a grouping's row says which it is.
    private const string Sql = """
        with first_responses as (
            select first_responder_id as who, platform_key as network, first_response_seconds as seconds from inbox_threads
            where workspace_id = $1 and first_response_at >= $2 and first_response_at < $3 and first_response_seconds is not null),
        resolutions as (
            select resolved_by as who, platform_key as network, resolution_seconds as seconds from inbox_threads
            where workspace_id = $1 and status = 'resolved' and resolved_at >= $2 and resolved_at < $3 and resolution_seconds is not null)
        select 'first_response', who, network, grouping(who, network), count(*),
            percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds),
            count(*) filter (where seconds <= $4)
        from first_responses group by grouping sets ((who), (network), ())
        union all
        select 'resolution', who, network, grouping(who, network), count(*),
            percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds),
            count(*) filter (where seconds <= $5)
        from resolutions group by grouping sets ((who), (network), ())
        """;

    /// <summary>The report of the last <paramref name="days"/> days (7 or 30).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another period.</exception>
    public async Task<InboxTeamReport> ReportAsync(Guid workspaceId, int days, CancellationToken cancellationToken = default)
    {
        if (!Periods.Contains(days))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The report covers the last 7 or 30 days.");
        }

        var until = clock.GetUtcNow();
        var since = until.AddDays(-days);
        var (hours, zone) = await businessHours.ReadAsync(workspaceId, cancellationToken);
        await using var command = db.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = until });
        // Without a target nothing counts as within it; the figure is then dropped.
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hours.FirstResponseTargetMinutes is { } f ? f * 60L : -1 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = hours.ResolutionTargetMinutes is { } r ? r * 60L : -1 });

        var team = new Dictionary<string, InboxReportFigures>();
        var byPerson = new Dictionary<Guid, Dictionary<string, InboxReportFigures>>();
        var byNetwork = new Dictionary<string, Dictionary<string, InboxReportFigures>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // The team's row of a measure nothing happened for has a count of 0 and no percentiles.
                if (reader.GetInt64(4) == 0)
                {
                    continue;
                }

                var measure = reader.GetString(0);
                var target = measure == "first_response" ? hours.FirstResponseTargetMinutes : hours.ResolutionTargetMinutes;
                var figures = new InboxReportFigures(reader.GetInt64(4), reader.GetDouble(5), reader.GetDouble(6), target is null ? null : reader.GetInt64(7));
                // grouping(who, network): 1 = grouped by who, 2 = grouped by network, 3 = everyone.
                switch (reader.GetInt32(3))
                {
                    case 1 when !reader.IsDBNull(1):
                        (byPerson.TryGetValue(reader.GetGuid(1), out var p) ? p : byPerson[reader.GetGuid(1)] = [])[measure] = figures;
                        break;
                    case 2:
                        (byNetwork.TryGetValue(reader.GetString(2), out var n) ? n : byNetwork[reader.GetString(2)] = [])[measure] = figures;
                        break;
                    case 3:
                        team[measure] = figures;
                        break;
                }
            }
        }

        var names = (await people.MembersAsync(workspaceId, cancellationToken)).ToDictionary(m => m.UserId, m => m.DisplayName);
        static InboxReportFigures? Of(Dictionary<string, InboxReportFigures> m, string measure) => m.GetValueOrDefault(measure);
        return new InboxTeamReport(
            days, since, until,
            new InboxReportLine("Team", null, null, Of(team, "first_response"), Of(team, "resolution")),
            [.. byPerson.Select(p => new InboxReportLine(names.GetValueOrDefault(p.Key, "a former member"), p.Key, null, Of(p.Value, "first_response"), Of(p.Value, "resolution")))
                .OrderByDescending(l => l.FirstResponse?.Count ?? 0).ThenByDescending(l => l.Resolution?.Count ?? 0).ThenBy(l => l.Name, StringComparer.CurrentCulture)],
            [.. byNetwork.Select(n => new InboxReportLine(n.Key, null, n.Key, Of(n.Value, "first_response"), Of(n.Value, "resolution")))
                .OrderByDescending(l => l.FirstResponse?.Count ?? 0).ThenBy(l => l.Name, StringComparer.Ordinal)],
            hours, zone);
    }
}
