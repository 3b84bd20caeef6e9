using System.Security.Claims;
using Extensible.People;
using Extensible.People.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/me/sessions</c>: where the caller is signed in, and ending one of those sessions.</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/sessions", ListAsync).WithTags("Me").RequireAuthorization(Policies.SignedIn)
            .WithName("ListMySessions").WithSummary("The caller's sessions")
            .WithDescription("The caller's console sessions that have not ended, newest first: when each started and was last used, from which address and browser.");
        api.MapDelete("/me/sessions/{id:guid}", RevokeAsync).WithTags("Me").RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeMySession").WithSummary("End one of the caller's sessions")
            .WithDescription("Signs that session out: its cookie stops working at its next request.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SessionResponse>>> ListAsync([AsParameters] PeopleApiServices services)
    {
        var current = Guid.TryParse(services.Caller.FindFirstValue(ConsoleClaims.SessionId), out var id) ? id : (Guid?)null;
        var sessions = await services.Directory.SessionsOfAsync(services.Caller.UserId(), services.Aborted);
        IReadOnlyList<SessionResponse> list = [.. sessions.Select(s => new SessionResponse(s.Id, s.Started, s.RemoteAddress, s.UserAgent, s.LastSeen, s.Id == current))];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, SessionService sessions, [AsParameters] PeopleApiServices services) =>
        await sessions.RevokeAsync(services.Caller.UserId(), id, services.Caller.Actor(), services.Aborted)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("You have no such session, or it has ended.");
}
