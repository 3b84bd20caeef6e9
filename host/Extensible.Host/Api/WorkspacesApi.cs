using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/workspaces</c>: the caller's workspaces, and new ones.</summary>
internal static class WorkspacesApi
{
    public static RouteGroupBuilder MapWorkspacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workspaces", ListAsync).WithTags("Workspaces").RequireAuthorization(Policies.SignedIn)
            .WithName("ListWorkspaces").WithSummary("The caller's workspaces")
            .WithDescription("The workspaces the caller belongs to, with their role in each. An API token is bound to one workspace and sees only that one.");
        api.MapPost("/workspaces", CreateAsync).WithTags("Workspaces").RequireAuthorization(Policies.CreateWorkspace)
            .WithName("CreateWorkspace").WithSummary("Create a workspace")
            .WithDescription("Creates a workspace owned by the caller. Only server operators may, and owners of a workspace when the server allows it (Extensible:Server:OwnersMayCreateWorkspaces); a token needs the workspaces.create server capability.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<WorkspaceResponse>>> ListAsync([AsParameters] PeopleApiServices services)
    {
        var caller = services.Caller;
        var memberships = await services.Directory.WorkspacesOfAsync(caller.UserId(), services.Aborted);
        var tokenBound = services.TokenId is not null;
        IReadOnlyList<WorkspaceResponse> list =
        [
            .. memberships
                .Where(m => !tokenBound || services.ActsIn(m.WorkspaceId))
                .Select(m => services.ActsIn(m.WorkspaceId)
                    // In the current workspace the effective role counts (a token's never exceeds what it was given).
                    ? new WorkspaceResponse(m.WorkspaceId, m.WorkspaceName, caller.Role().ToString(), Current: true)
                    : new WorkspaceResponse(m.WorkspaceId, m.WorkspaceName, m.Role.ToString(), Current: false)),
        ];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<WorkspaceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateWorkspaceRequest> body, [AsParameters] PeopleApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var id = await services.People.CreateWorkspaceAsync(body.Value!.Name, services.Caller.UserId(), services.Caller.Actor(), services.Aborted);
            var name = (await services.Directory.WorkspacesOfAsync(services.Caller.UserId(), services.Aborted)).Single(w => w.WorkspaceId == id).WorkspaceName;
            return TypedResults.Created((string?)null, new WorkspaceResponse(id, name, nameof(Role.Owner), Current: false));
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e, renameWorkspaceTo: "name");
        }
    }
}
