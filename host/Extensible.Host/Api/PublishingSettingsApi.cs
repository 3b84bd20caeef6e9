using Extensible.People;
using Extensible.Publishing.Posts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/publishing/settings</c>: the workspace's time zone (ManageWorkspace) and the caller's own display zone.</summary>
internal static class PublishingSettingsApi
{
    public static RouteGroupBuilder MapPublishingSettingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/publishing/settings", GetAsync).WithTags("Publishing settings").RequireAuthorization(Policies.Member)
            .WithName("GetPublishingSettings").WithSummary("Publishing time zones")
            .WithDescription("The workspace's time zone (schedules are chosen in it unless another is named; UTC until set) and the caller's own display zone.");
        api.MapPut("/publishing/settings", SetWorkspaceZoneAsync).WithTags("Publishing settings").RequireAuthorization(Policies.ManageWorkspace).ProducesValidationProblem()
            .WithName("SetWorkspaceTimeZone").WithSummary("Set the workspace's time zone")
            .WithDescription("An IANA zone id (Europe/Paris). Posts already scheduled keep the instant and zone they were chosen with.");
        api.MapPut("/publishing/settings/personal", SetPersonalZoneAsync).WithTags("Publishing settings").RequireAuthorization(Policies.Member).ProducesValidationProblem()
            .WithName("SetPersonalTimeZone").WithSummary("Set your own display zone")
            .WithDescription("The zone you see times in here; null or empty follows the workspace's again.");
        return api;
    }

    private static async Task<Ok<PublishingSettingsResponse>> GetAsync([AsParameters] PostsApiServices services) => TypedResults.Ok(await ReadAsync(services));

    private static async Task<Results<Ok<PublishingSettingsResponse>, ValidationProblem, ProblemHttpResult>> SetWorkspaceZoneAsync(
        JsonBody<TimeZoneRequest> body, [AsParameters] PostsApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            await services.Settings.SetWorkspaceTimeZoneAsync(services.Actor, body.Value!.TimeZone, services.Aborted);
            return TypedResults.Ok(await ReadAsync(services));
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
    }

    private static async Task<Results<Ok<PublishingSettingsResponse>, ValidationProblem, ProblemHttpResult>> SetPersonalZoneAsync(
        JsonBody<TimeZoneRequest> body, [AsParameters] PostsApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            await services.Settings.SetPersonTimeZoneAsync(services.Actor, body.Value!.TimeZone, services.Aborted);
            return TypedResults.Ok(await ReadAsync(services));
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
    }

    private static async Task<PublishingSettingsResponse> ReadAsync(PostsApiServices services)
    {
        var actor = services.Actor;
        var workspace = await services.Settings.WorkspaceTimeZoneAsync(actor.WorkspaceId, services.Aborted);
        var personal = await services.Settings.PersonTimeZoneAsync(actor.WorkspaceId, actor.UserId, services.Aborted);
        return new PublishingSettingsResponse(workspace, personal, personal ?? workspace);
    }
}
