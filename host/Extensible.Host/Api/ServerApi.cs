using Extensible.People;
using Extensible.People.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/server/…</c>: who operates the server. Server operators only.</summary>
internal static class ServerApi
{
    public static RouteGroupBuilder MapServerApi(this RouteGroupBuilder api)
    {
        var server = api.MapGroup("/server").WithTags("Server").RequireAuthorization(Policies.OperateServer);
        server.MapGet("/operators", ListAsync)
            .WithName("ListOperators").WithSummary("The server's operators")
            .WithDescription("Everyone who operates the server: installs and configures plugins (code that runs with the server's rights) and names other operators.");
        server.MapPost("/operators", NameAsync).ProducesValidationProblem()
            .WithName("NameOperator").WithSummary("Make someone a server operator")
            .WithDescription("Someone with an account becomes a server operator. Nothing changes when they are one already.");
        server.MapDelete("/operators/{userId:guid}", RemoveAsync).ProducesValidationProblem()
            .WithName("RemoveOperator").WithSummary("Remove a server operator")
            .WithDescription("The server keeps at least one operator.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<OperatorResponse>>> ListAsync(PeopleDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<OperatorResponse>>([.. (await directory.OperatorsAsync(cancellationToken)).Select(o => new OperatorResponse(o.Id, o.Email, o.DisplayName))]);

    private static async Task<Results<Ok<IReadOnlyList<OperatorResponse>>, ValidationProblem, ProblemHttpResult>> NameAsync(
        JsonBody<NameOperatorRequest> body, ServerOperators operators, PeopleDirectory directory, System.Security.Claims.ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            await operators.NameAsync(body.Value!.Email, caller.Actor(), cancellationToken);
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }

        return await ListAsync(directory, cancellationToken);
    }

    private static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(
        Guid userId, ServerOperators operators, System.Security.Claims.ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            await operators.RemoveAsync(userId, caller.Actor(), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (PeopleValidationException e)
        {
            return ApiProblems.Invalid(e);
        }
    }
}
