using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/audit</c>: the current workspace's events, newest first, by keyset.</summary>
internal static class AuditApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", PageAsync).WithTags("Audit").RequireAuthorization(Policies.ManagePeople)
            .WithName("ListAuditEvents").WithSummary("The workspace's audit trail")
            .WithDescription("Every event of the current workspace, newest first, optionally of one type or by one person. Follow next for older events. Secrets' hashes are left out.");
        return api;
    }

    private static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> PageAsync(
        [Description("Only events older than this sequence number (a page's next link sets it).")] string? before,
        [Description("Only events of this type, e.g. member_invited.")] string? type,
        [Description("Only events by this person (their email).")] string? user,
        [Description("Events per page, 1 to 200 (default 50).")] string? limit,
        [AsParameters] PeopleApiServices services)
    {
        long? cursor;
        int size;
        try
        {
            cursor = Number(before, "before", 1, long.MaxValue);
            size = (int)(Number(limit, "limit", 1, MaxLimit) ?? DefaultLimit);
            type = ApiInput.Filter(type, "type", 100);
            user = ApiInput.Filter(user, "user", 254);
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }

        var page = await services.Directory.AuditAsync(services.Caller.WorkspaceId(), cursor, type, user, size, services.Aborted);
        var next = page.Before is { } older ? NextLink(older, type, user, limit is null ? null : size) : null;
        return TypedResults.Ok(new AuditPageResponse([.. page.Entries.Select(ToResponse)], next));
    }

    private static long? Number(string? value, string field, long min, long max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new PeopleValidationException(field, $"{field} must be a whole number from {min} to {max}.");
    }

    private static string NextLink(long before, string? type, string? user, int? limit)
    {
        var query = new List<string> { $"before={before.ToString(CultureInfo.InvariantCulture)}" };
        if (type is not null)
        {
            query.Add($"type={Uri.EscapeDataString(type)}");
        }

        if (user is not null)
        {
            query.Add($"user={Uri.EscapeDataString(user)}");
        }

        if (limit is not null)
        {
            query.Add($"limit={limit.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return $"/api/v1/audit?{string.Join('&', query)}";
    }

    private static AuditEntryResponse ToResponse(AuditEntry entry) =>
        new(entry.Sequence, entry.Timestamp, entry.Type, entry.StreamId, entry.User, WithoutSecrets(entry.Data));

    // Invitation and reset links and tokens are stored as hashes, authenticator keys encrypted; even those stay out of the trail's readers' hands.
    private static JsonObject? WithoutSecrets(string data)
    {
        JsonObject? fields;
        try
        {
            fields = JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (fields is not null)
        {
            foreach (var name in fields.Select(f => f.Key).Where(k => k.EndsWith("hash", StringComparison.OrdinalIgnoreCase) || k.EndsWith("hashes", StringComparison.OrdinalIgnoreCase) || k.StartsWith("protected", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                fields.Remove(name);
            }
        }

        return fields;
    }
}
