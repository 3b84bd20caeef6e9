using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/tokens</c>: the caller's personal API tokens in the current workspace.</summary>
internal static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tokens", ListAsync).WithTags("Tokens").RequireAuthorization(Policies.Member)
            .WithName("ListTokens").WithSummary("The caller's API tokens")
            .WithDescription("The caller's own tokens in the current workspace, newest first, revoked and expired ones included. Never their secrets.");
        api.MapPost("/tokens", CreateAsync).WithTags("Tokens").RequireAuthorization(Policies.Member)
            .WithName("CreateToken").WithSummary("Create an API token")
            .WithDescription("A personal token for the current workspace with a role whose every capability the caller's role holds, and optionally server-wide capabilities the caller holds. What it may do is checked again on every request against what its person holds then. The token is returned this once; only its hash is stored.");
        api.MapDelete("/tokens/{id:guid}", RevokeAsync).WithTags("Tokens").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeToken").WithSummary("Revoke an API token")
            .WithDescription("Anyone may revoke their own tokens; people who manage the workspace's people may revoke the tokens of members whose roles theirs hold, here and in every workspace they share (only owners revoke owners' tokens).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<TokenResponse>>> ListAsync([AsParameters] PeopleApiServices services)
    {
        var tokens = await services.Directory.TokensAsync(services.Caller.WorkspaceId(), services.Caller.UserId(), services.Aborted);
        IReadOnlyList<TokenResponse> list = [.. tokens.Select(t => new TokenResponse(t.Id, t.Name, t.Role.ToString(), t.Prefix, t.Created, t.ExpiresAt, t.Revoked, t.ServerCapabilities))];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<CreatedTokenResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateTokenRequest> body, [AsParameters] PeopleApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        try
        {
            var role = ApiInput.Role(request.Role);
            if (request.ExpiresAt is { } expires && expires <= services.Clock.GetUtcNow())
            {
                throw new PeopleValidationException("expiresAt", "ExpiresAt must be in the future (or left out for a token that lasts until revoked).");
            }

            var caller = services.Caller;
            var token = await services.People.CreateApiTokenAsync(caller.WorkspaceId(), caller.UserId(), request.Name, role, caller.Role(),
                request.ServerCapabilities ?? [], caller.Capabilities(), caller.Actor(), request.ExpiresAt, services.Aborted);
            // Tokens read ext_{prefix}_{secret}, with an 8-character prefix the read model keeps.
            var prefix = token.Substring(4, 8);
            var record = (await services.Directory.TokensAsync(caller.WorkspaceId(), caller.UserId(), services.Aborted)).First(t => t.Prefix == prefix);
            return TypedResults.Created((string?)null, new CreatedTokenResponse(record.Id, record.Name, record.Role.ToString(), record.ExpiresAt, token));
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, [AsParameters] PeopleApiServices services)
    {
        var caller = services.Caller;
        var token = (await services.Directory.TokensAsync(caller.WorkspaceId(), cancellationToken: services.Aborted)).FirstOrDefault(t => t.Id == id);
        if (token is null)
        {
            return ApiProblems.NotFound("No such token in this workspace.");
        }

        if (token.Revoked)
        {
            return TypedResults.NoContent();
        }

        if (token.UserId == caller.UserId())
        {
            await services.People.RevokeApiTokenAsync(token.WorkspaceId, token.Id, caller.Actor(), services.Aborted);
            return TypedResults.NoContent();
        }

        if (!caller.May(Policies.ManagePeople))
        {
            return ApiProblems.Forbidden("Only people who manage this workspace's people revoke other people's tokens.");
        }

        try
        {
            await services.People.RevokeMemberApiTokenAsync(token.WorkspaceId, token, caller.UserId(), caller.Role(), caller.Actor(), services.Aborted);
            return TypedResults.NoContent();
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Forbidden(e.Message);
        }
    }
}
