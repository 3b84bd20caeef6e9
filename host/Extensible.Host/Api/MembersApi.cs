using Extensible.Admin.Mail;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/workspaces/{id}/…</c>: the members of the caller's current workspace, invitations and roles.</summary>
internal static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api)
    {
        var workspace = api.MapGroup("/workspaces/{id:guid}").WithTags("Members").ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/members", ListAsync).RequireAuthorization(Policies.Member)
            .WithName("ListMembers").WithSummary("The workspace's members")
            .WithDescription("Everyone in the workspace with their role. {id} must be the workspace the caller acts in, else 404.");
        workspace.MapPost("/invitations", InviteAsync).RequireAuthorization(Policies.ManagePeople)
            .WithName("InviteMember").WithSummary("Invite someone")
            .WithDescription("Makes an invitation link valid for 7 days, returned this once. Nobody invites above their own role; only owners invite owners. "
                + "When a mail server is configured the link is also mailed to the address: `mailed` says whether it was, `mailProblem` why not. A failed mail never undoes the invitation.");
        workspace.MapPut("/members/{userId:guid}/role", ChangeRoleAsync).RequireAuthorization(Policies.ManagePeople)
            .WithName("ChangeMemberRole").WithSummary("Change a member's role")
            .WithDescription("Nobody grants or changes a role above their own; only owners make or unmake owners; a workspace keeps at least one owner.");
        workspace.MapDelete("/members/{userId:guid}", RemoveAsync).RequireAuthorization(Policies.ManagePeople)
            .WithName("RemoveMember").WithSummary("Remove a member")
            .WithDescription("Nobody removes someone of a higher role; a workspace keeps at least one owner.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberResponse>>, ProblemHttpResult>> ListAsync(Guid id, [AsParameters] PeopleApiServices services)
    {
        if (!services.ActsIn(id))
        {
            return ApiProblems.NotYourWorkspace();
        }

        IReadOnlyList<MemberResponse> members = [.. (await services.Directory.MembersAsync(id, services.Aborted)).Select(ToResponse)];
        return TypedResults.Ok(members);
    }

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid id, JsonBody<InvitationRequest> body, InvitationMail invitationMail, HttpRequest request, [AsParameters] PeopleApiServices services)
    {
        if (!services.ActsIn(id))
        {
            return ApiProblems.NotYourWorkspace();
        }

        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var role = ApiInput.Role(body.Value!.Role);
            var secret = await services.People.InviteAsync(id, body.Value.Email, role, services.Caller.Role(), services.Caller.Actor(), services.Aborted);
            var invitation = (await services.Directory.FindInvitationAsync(secret, services.Aborted))!;
            // The invitation is stored: from here on nothing may fail the call, a mail that is not sent least of all.
            var mailed = await invitationMail.SendAsync(secret, invitationMail.Link(secret, $"{request.Scheme}://{request.Host}"), services.Caller, CancellationToken.None);
            return TypedResults.Created((string?)null, new InvitationResponse(
                invitation.Id, invitation.Email, invitation.Role.ToString(), invitation.ExpiresAt, $"/invitations/{Uri.EscapeDataString(secret)}", mailed.Sent, mailed.Problem));
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }
    }

    private static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid id, Guid userId, JsonBody<RoleChangeRequest> body, [AsParameters] PeopleApiServices services)
    {
        if (!services.ActsIn(id))
        {
            return ApiProblems.NotYourWorkspace();
        }

        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var role = ApiInput.Role(body.Value!.Role);
            await services.People.ChangeRoleAsync(id, userId, role, services.Caller.Role(), services.Caller.Actor(), services.Aborted);
        }
        catch (PeopleValidationException e) when (e.Field == "Member")
        {
            return ApiProblems.NotFound(e.Message);
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }

        var member = (await services.Directory.MembersAsync(id, services.Aborted)).FirstOrDefault(m => m.UserId == userId);
        return member is null ? ApiProblems.NotFound("That person is not a member of this workspace.") : TypedResults.Ok(ToResponse(member));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(Guid id, Guid userId, [AsParameters] PeopleApiServices services)
    {
        if (!services.ActsIn(id))
        {
            return ApiProblems.NotYourWorkspace();
        }

        try
        {
            await services.People.RemoveMemberAsync(id, userId, services.Caller.Role(), services.Caller.Actor(), services.Aborted);
            return TypedResults.NoContent();
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

    private static MemberResponse ToResponse(MemberRecord m) => new(m.UserId, m.Email, m.DisplayName, m.Role.ToString(), m.Joined);
}
