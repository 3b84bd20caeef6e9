using System.Security.Claims;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/me</c>: who the caller is.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Me").RequireAuthorization(Policies.SignedIn)
            .WithName("GetMe").WithSummary("The caller")
            .WithDescription("Who is calling, the workspace they act in, their role there, what they may do (capabilities) and whether they came with an API token.");
        return api;
    }

    private static Ok<MeResponse> Me([AsParameters] PeopleApiServices services)
    {
        var caller = services.Caller;
        Guid? workspaceId = Guid.TryParse(caller.FindFirstValue(ConsoleClaims.WorkspaceId), out var id) ? id : null;
        var tokenId = services.TokenId;
        return TypedResults.Ok(new MeResponse(
            caller.UserId(),
            caller.FindFirstValue(ConsoleClaims.Email) ?? "",
            caller.FindFirstValue(ConsoleClaims.DisplayName) ?? "",
            workspaceId,
            caller.FindFirstValue(ConsoleClaims.WorkspaceName),
            caller.FindFirstValue(ConsoleClaims.Role),
            tokenId is not null,
            tokenId,
            [.. caller.Capabilities().Order(StringComparer.Ordinal)]));
    }
}
