using System.Security.Claims;
using Extensible.Inbox.Sla;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/inbox/business-hours</c> (read by members, set by Admins and Owners) and <c>/api/v1/inbox/report</c> (the team
/// report, read by members).
/// </summary>
internal static class InboxSlaApi
{
    public static RouteGroupBuilder MapInboxSlaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox/business-hours", GetHoursAsync).WithTags("Inbox response times").RequireAuthorization(Policies.Member)
            .WithName("GetBusinessHours").WithSummary("Business hours and response targets")
            .WithDescription("When the team works, in the workspace's time zone (always open until set), and the first-response and resolution targets.");
        api.MapPut("/inbox/business-hours", SetHoursAsync).WithTags("Inbox response times").RequireAuthorization(Policies.ManageWorkspace).ProducesValidationProblem()
            .WithName("SetBusinessHours").WithSummary("Set business hours and response targets")
            .WithDescription("Replaces them whole. Times already measured keep the hours they were measured in; waiting threads are counted in the new ones.");
        api.MapGet("/inbox/report", ReportAsync).WithTags("Inbox response times").RequireAuthorization(Policies.Member).ProducesValidationProblem()
            .WithName("GetInboxReport").WithSummary("The team report")
            .WithDescription("Median and 90th percentile of first-response and resolution times in business time over the last 7 or 30 days (days=7|30), "
                + "for the team, per person (who sent the first reply, who resolved) and per network, with counts.");
        return api;
    }

    private static async Task<Ok<BusinessHoursResponse>> GetHoursAsync([AsParameters] InboxSlaServices services)
    {
        var (hours, zone) = await services.BusinessHours.ReadAsync(services.Caller.WorkspaceId(), services.Aborted);
        return TypedResults.Ok(BusinessHoursResponse.Of(hours, zone));
    }

    private static async Task<Results<Ok<BusinessHoursResponse>, ValidationProblem, ProblemHttpResult>> SetHoursAsync(
        JsonBody<BusinessHoursRequest> body, [AsParameters] InboxSlaServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        try
        {
            var hours = BusinessHoursInput.Build(
                request.AlwaysOpen ?? false,
                [.. (request.Intervals ?? []).Select((i, n) => new BusinessHoursInput.Interval($"intervals[{n}]", i?.Day, i?.Opens, i?.Closes))],
                [.. (request.ClosedDates ?? []).Select((d, n) => ($"closedDates[{n}]", d))],
                request.FirstResponseTargetMinutes, request.ResolutionTargetMinutes);
            var caller = services.Caller;
            await services.BusinessHours.SetAsync(caller.WorkspaceId(), hours, caller.UserId(), caller.Actor(), services.Aborted);
            return TypedResults.Ok(BusinessHoursResponse.Of(hours, (await services.BusinessHours.ReadAsync(caller.WorkspaceId(), services.Aborted)).TimeZone));
        }
        catch (BusinessHoursValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
    }

    private static async Task<Results<Ok<InboxReportResponse>, ValidationProblem>> ReportAsync(string? days, [AsParameters] InboxSlaServices services)
    {
        if (days is not (null or "7" or "30"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["The report covers the last 7 or 30 days: days=7 or days=30."] });
        }

        var report = await services.Reporting.ReportAsync(services.Caller.WorkspaceId(), days == "30" ? 30 : 7, services.Aborted);
        return TypedResults.Ok(InboxReportResponse.Of(report));
    }
}

/// <summary>What the inbox's response-time endpoints need, bundled with <c>[AsParameters]</c>.</summary>
/// <param name="BusinessHours">The workspace's hours.</param>
/// <param name="Reporting">The team report.</param>
/// <param name="Caller">Who calls.</param>
/// <param name="Aborted">Cancelled when the caller goes away.</param>
public sealed record InboxSlaServices(InboxBusinessHours BusinessHours, InboxReporting Reporting, ClaimsPrincipal Caller, CancellationToken Aborted);
