using System.Text.Json.Nodes;

namespace Extensible.Host.Api;

/// <summary>One event of the workspace's audit trail.</summary>
/// <param name="Sequence">Its position in the global order; pages go by it.</param>
/// <param name="Timestamp">When it was stored.</param>
/// <param name="Type">The event's alias (<c>member_invited</c>, <c>api_token_created</c>…).</param>
/// <param name="Stream">The stream it belongs to.</param>
/// <param name="User">Who did it (an email, or <c>system</c> for the server's own jobs), if known.</param>
/// <param name="Who">Who did it, by name.</param>
/// <param name="Summary">What happened, in one sentence with people's names, e.g. "Olive Owner invited sam@example.com as Moderator."</param>
/// <param name="Data">The event's fields, without secrets (hashes, encrypted keys, plugin setting values).</param>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset Timestamp, string Type, string Stream, string? User, string Who, string Summary, JsonObject? Data);

/// <summary>A page of the audit trail, newest first.</summary>
/// <param name="Entries">The events.</param>
/// <param name="Next">The next (older) page's address, or null on the last page.</param>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Entries, string? Next);
