using System.Security.Claims;
using Extensible.Inbox.SavedReplies;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/inbox/saved-replies</c>: the workspace's library of saved replies. Every member reads it; moderators (and
/// admins, owners) manage it and fill one for a thread.
/// </summary>
internal static class SavedRepliesApi
{
    public static RouteGroupBuilder MapSavedRepliesApi(this RouteGroupBuilder api)
    {
        var replies = api.MapGroup("/inbox/saved-replies").WithTags("Inbox");
        api.MapGet("/inbox/saved-replies", ListAsync).WithTags("Inbox").RequireAuthorization(Policies.Member)
            .WithName("ListSavedReplies").WithSummary("The saved replies")
            .WithDescription("The workspace's saved replies by name, their variables unfilled (at most 500).");
        api.MapPost("/inbox/saved-replies", CreateAsync).WithTags("Inbox").RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .WithName("CreateSavedReply").WithSummary("Save a reply")
            .WithDescription("Variables: {author.name}, {author.handle}, {account.name}, {account.handle}, {me.name}, {network}. Any other {name} answers 400 under errors.text; "
                + "a name or shortcut already used in the workspace answers 400 under errors.name or errors.shortcut.");
        replies.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Member).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSavedReply").WithSummary("One saved reply");
        replies.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EditSavedReply").WithSummary("Change a saved reply")
            .WithDescription("A new name, text and shortcut, checked as on creation. With version, only if nobody saved it since (else 409).");
        replies.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Policies.Moderate).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteSavedReply").WithSummary("Delete a saved reply").WithDescription("Replies already sent with it stay as they were sent.");
        replies.MapGet("/{id:guid}/render", RenderAsync).RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RenderSavedReply").WithSummary("Fill a saved reply for a thread")
            .WithDescription("The text with its variables filled for the thread (threadId) and for you as {me.name}: the author of the thread's newest item from the public, "
                + "the account and its network. A variable the thread has no value for stays in the text as written and is listed under missing: fill it in before sending "
                + "(a reply still holding a variable is refused). The text is plain text from strangers: encode it wherever it is shown.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SavedReplyResponse>>> ListAsync(SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted) =>
        TypedResults.Ok<IReadOnlyList<SavedReplyResponse>>([.. (await library.ListAsync(caller.WorkspaceId(), aborted)).Select(SavedReplyResponse.From)]);

    private static async Task<Results<Ok<SavedReplyResponse>, ProblemHttpResult>> GetAsync(Guid id, SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted) =>
        await library.FindAsync(caller.WorkspaceId(), id, aborted) is { } reply
            ? TypedResults.Ok(SavedReplyResponse.From(reply))
            : NotFound();

    private static async Task<Results<Created<SavedReplyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<SavedReplyRequest> body, SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var request = body.Value!;
            var id = await library.CreateAsync(caller.WorkspaceId(), request.Name, request.Text, request.Shortcut, caller.UserId(), aborted);
            var created = await library.FindAsync(caller.WorkspaceId(), id, aborted);
            return TypedResults.Created($"/api/v1/inbox/saved-replies/{id}", SavedReplyResponse.From(created!));
        }
        catch (SavedReplyException e)
        {
            return Invalid(e);
        }
    }

    private static async Task<Results<Ok<SavedReplyResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, JsonBody<SavedReplyRequest> body, SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var request = body.Value!;
            if (!await library.EditAsync(caller.WorkspaceId(), id, request.Name, request.Text, request.Shortcut, request.Version, caller.UserId(), aborted))
            {
                return NotFound();
            }
        }
        catch (SavedReplyException e)
        {
            return Invalid(e);
        }
        catch (SavedReplyChangedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The saved reply changed meanwhile");
        }

        return await library.FindAsync(caller.WorkspaceId(), id, aborted) is { } reply ? TypedResults.Ok(SavedReplyResponse.From(reply)) : NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted)
    {
        try
        {
            return await library.DeleteAsync(caller.WorkspaceId(), id, caller.UserId(), aborted) ? TypedResults.NoContent() : NotFound();
        }
        catch (SavedReplyChangedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The saved reply changed meanwhile");
        }
    }

    private static async Task<Results<Ok<FilledReplyResponse>, ValidationProblem, ProblemHttpResult>> RenderAsync(
        Guid id, Guid? threadId, SavedReplyLibrary library, ClaimsPrincipal caller, CancellationToken aborted)
    {
        if (threadId is not { } thread)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["threadId"] = ["Name the thread the reply is for (threadId)."] });
        }

        return await library.RenderAsync(caller.WorkspaceId(), id, thread, caller.UserId(), aborted) is { } filled
            ? TypedResults.Ok(new FilledReplyResponse(filled.Text, filled.Missing))
            : ApiProblems.NotFound("No such saved reply or thread in this workspace.");
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("No such saved reply in this workspace.");

    private static ValidationProblem Invalid(SavedReplyException e) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
}
