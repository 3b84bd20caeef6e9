using Extensible.People;
using Extensible.People.Passwords;
using Extensible.People.Sessions;
using Extensible.People.TwoFactor;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/workspaces/{id}/members/{userId}/…</c>: what owners and admins do to a member's sign-in. Nobody acts on
/// themselves here, nor on someone who holds a higher role than theirs in any workspace.
/// </summary>
internal static class MemberSecurityApi
{
    public static RouteGroupBuilder MapMemberSecurityApi(this RouteGroupBuilder api)
    {
        var member = api.MapGroup("/workspaces/{id:guid}/members/{userId:guid}").WithTags("Members")
            .RequireAuthorization(Policies.ManagePeople).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        member.MapPost("/password-reset", CreateResetLinkAsync)
            .WithName("CreatePasswordResetLink").WithSummary("Make a password reset link for a member")
            .WithDescription("A one-time link, valid 24 hours, with which the member sets a new password (ending all their sessions). Returned this once; only its hash is stored.");
        member.MapDelete("/sessions", SignOutEverywhereAsync)
            .WithName("SignMemberOutEverywhere").WithSummary("Sign a member out everywhere")
            .WithDescription("Ends every session of the member; their cookies stop working at their next request.");
        member.MapDelete("/two-factor", ResetTwoFactorAsync)
            .WithName("ResetMemberTwoFactor").WithSummary("Turn a member's two-factor sign-in off")
            .WithDescription("For a lost phone: the member signs in with their password alone until they turn it on again.");
        return api;
    }

    private static Task<Results<Created<PasswordResetResponse>, ValidationProblem, ProblemHttpResult>> CreateResetLinkAsync(
        Guid id, Guid userId, PasswordService passwords, [AsParameters] PeopleApiServices services) =>
        RunAsync<Created<PasswordResetResponse>>(id, services, async caller =>
        {
            var (secret, expiresAt) = await passwords.CreateResetLinkAsync(id, userId, caller.UserId(), caller.Role(), caller.Actor(), services.Aborted);
            return TypedResults.Created((string?)null, new PasswordResetResponse(userId, expiresAt, $"/account/reset/{Uri.EscapeDataString(secret)}"));
        });

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SignOutEverywhereAsync(
        Guid id, Guid userId, SessionService sessions, [AsParameters] PeopleApiServices services) =>
        RunAsync<NoContent>(id, services, async caller =>
        {
            await sessions.SignOutEverywhereAsync(id, userId, caller.UserId(), caller.Role(), caller.Actor(), services.Aborted);
            return TypedResults.NoContent();
        });

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetTwoFactorAsync(
        Guid id, Guid userId, TwoFactorService twoFactor, [AsParameters] PeopleApiServices services) =>
        RunAsync<NoContent>(id, services, async caller =>
        {
            await twoFactor.ResetAsync(id, userId, caller.UserId(), caller.Role(), caller.Actor(), services.Aborted);
            return TypedResults.NoContent();
        });

    private static async Task<Results<T, ValidationProblem, ProblemHttpResult>> RunAsync<T>(Guid id, PeopleApiServices services, Func<System.Security.Claims.ClaimsPrincipal, Task<T>> change)
        where T : IResult
    {
        if (!services.ActsIn(id))
        {
            return ApiProblems.NotYourWorkspace();
        }

        try
        {
            return await change(services.Caller);
        }
        catch (PeopleValidationException e) when (e.Field == "Member")
        {
            return ApiProblems.NotFound(e.Message);
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }
    }
}
