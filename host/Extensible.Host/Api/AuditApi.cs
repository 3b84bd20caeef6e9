using System.ComponentModel;
using System.Globalization;
using Extensible.People;
using Extensible.People.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/audit</c>: the current workspace's events, newest first, by keyset, each with a sentence; for people who
/// may operate the server, the plugins' administration events too.
/// </summary>
internal static class AuditApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", PageAsync).WithTags("Audit").RequireAuthorization(Policies.ManagePeople)
            .WithName("ListAuditEvents").WithSummary("The workspace's audit trail")
            .WithDescription("Every event of the current workspace, newest first, optionally of one type or by one person, each with a one-sentence summary naming the people involved. Callers who may operate the server also get the plugins' administration events (installed, upgraded, enabled, disabled, uninstalled, settings changed, failed). Follow next for older events. Secrets (hashes, encrypted keys, plugin setting values) are left out.");
        return api;
    }

    private static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> PageAsync(
        [Description("Only events older than this sequence number (a page's next link sets it).")] string? before,
        [Description("Only events of this type, e.g. member_invited or plugin_enabled.")] string? type,
        [Description("Only events by this person (their email).")] string? user,
        [Description("Events per page, 1 to 200 (default 50).")] string? limit,
        [AsParameters] PeopleApiServices services,
        AuditTrail trail,
        IAuthorizationService authorization)
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

        var serverWide = (await authorization.AuthorizeAsync(services.Caller, AuditTrail.ServerWidePolicy)).Succeeded;
        var page = await trail.PageAsync(services.Caller.WorkspaceId(), new AuditQuery(cursor, type, user, size, serverWide), services.Aborted);
        var next = page.Before is { } older ? NextLink(older, type, user, limit is null ? null : size) : null;
        return TypedResults.Ok(new AuditPageResponse([.. page.Lines.Select(ToResponse)], next));
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

    private static AuditEntryResponse ToResponse(AuditLine line) =>
        new(line.Sequence, line.Timestamp, line.Type, line.StreamId, line.User, line.Who, line.Summary, line.Data);
}
