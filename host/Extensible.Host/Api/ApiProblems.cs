using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>The API's error answers, as problem details.</summary>
internal static class ApiProblems
{
    /// <summary>Refused input: the field (named as on the wire) and why. Nothing was stored.</summary>
    public static ValidationProblem Invalid(PeopleValidationException e, string? renameWorkspaceTo = null) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [WireName(e.Field, renameWorkspaceTo)] = [e.Message] });

    /// <summary>A 404 that says what was not found.</summary>
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A 403 for a rule beyond the endpoint's policy (the caller's role allows the call, not this target).</summary>
    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>The workspace in the address is not the caller's current one (a token is bound to one workspace).</summary>
    public static ProblemHttpResult NotYourWorkspace() =>
        NotFound("No such workspace here: the address must name the workspace you act in (an API token's own, or the one chosen in the console).");

    // People name fields in the console's words ("Email", "Workspace"); the API names them as its JSON does.
    private static string WireName(string field, string? renameWorkspaceTo) => field switch
    {
        "Workspace" when renameWorkspaceTo is not null => renameWorkspaceTo,
        "" => "body",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
