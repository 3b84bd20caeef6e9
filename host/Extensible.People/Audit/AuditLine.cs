using System.Text.Json.Nodes;

namespace Extensible.People.Audit;

/// <summary>One event of the audit trail as people read it.</summary>
/// <param name="Sequence">Its position in the global order; pages go by it.</param>
/// <param name="Timestamp">When it was stored.</param>
/// <param name="Type">The stored alias, e.g. <c>member_invited</c>.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="User">Who did it, as stored (an email, or <c>system</c>).</param>
/// <param name="Who">Who did it, by name.</param>
/// <param name="Summary">One sentence saying what happened, with names.</param>
/// <param name="Data">The event's fields without secrets, or null when the body is not an object.</param>
public sealed record AuditLine(long Sequence, DateTimeOffset Timestamp, string Type, string StreamId, string? User, string Who, string Summary, JsonObject? Data);

/// <summary>A page of the audit trail, newest first; <paramref name="Before"/> fetches the next (older) page.</summary>
public sealed record AuditLines(IReadOnlyList<AuditLine> Lines, long? Before);

/// <summary>Which events a page of the trail holds.</summary>
/// <param name="Before">Only events older than this sequence number.</param>
/// <param name="Type">Only events of this alias.</param>
/// <param name="User">Only events by this person (their email).</param>
/// <param name="PageSize">Events per page.</param>
/// <param name="ServerWide">Also the server's events (plugins), for people who may operate the server.</param>
public sealed record AuditQuery(long? Before = null, string? Type = null, string? User = null, int PageSize = 50, bool ServerWide = false);
