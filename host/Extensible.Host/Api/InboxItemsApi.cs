using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/inbox/threads/{threadId}/items/{itemId}</c>: what moderators do to one item on the network. Liking takes
/// <c>moderate</c>; a network that refuses answers 400 with its message, and nothing is recorded.
/// </summary>
internal static class InboxItemsApi
{
    public static RouteGroupBuilder MapInboxItemsApi(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/inbox/threads/{threadId:guid}/items/{itemId}").WithTags("Inbox");
        items.MapPost("/like", (Guid threadId, string itemId, long? version, InboxActions actions, InboxBoard board, ClaimsPrincipal caller, CancellationToken aborted) =>
                SetLikedAsync(threadId, itemId, version, liked: true, actions, board, caller, aborted))
            .RequireAuthorization(Policies.Moderate).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("LikeInboxItem").WithSummary("Like an item on the network")
            .WithDescription("The thread's account likes the item (a comment, mention, review or message from the public) on its network, when the network supports likes. "
                + "With version, only if the thread is still at that version (else 409 with what changed). A network's refusal answers 400 with its message; nothing is recorded then.");
        items.MapDelete("/like", (Guid threadId, string itemId, long? version, InboxActions actions, InboxBoard board, ClaimsPrincipal caller, CancellationToken aborted) =>
                SetLikedAsync(threadId, itemId, version, liked: false, actions, board, caller, aborted))
            .RequireAuthorization(Policies.Moderate).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnlikeInboxItem").WithSummary("Take a like back on the network")
            .WithDescription("Like liking, the other way.");
        return api;
    }

    private static async Task<Results<Ok<InboxItemLikeResponse>, ProblemHttpResult>> SetLikedAsync(
        Guid threadId, string itemId, long? version, bool liked, InboxActions actions, InboxBoard board, ClaimsPrincipal caller, CancellationToken aborted)
    {
        var workspaceId = caller.WorkspaceId();
        if (await board.ThreadAsync(workspaceId, threadId, aborted) is not { } view)
        {
            return ApiProblems.NotFound("No such thread in this workspace.");
        }

        if (!view.Items.Any(i => i.Direction == "in" && i.PlatformItemId == itemId))
        {
            return ApiProblems.NotFound("The thread has no such item from the public.");
        }

        try
        {
            var now = await actions.SetLikedAsync(workspaceId, threadId, version ?? view.Thread.Version, itemId, liked, caller.UserId(), aborted);
            return TypedResults.Ok(new InboxItemLikeResponse(threadId, itemId, liked, now));
        }
        catch (InboxThreadChangedException e)
        {
            return TypedResults.Problem($"The thread changed since version {e.ExpectedVersion}: {string.Join("; ", e.Changes)}.",
                statusCode: StatusCodes.Status409Conflict, title: "The thread changed meanwhile");
        }
        catch (InboxActionException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Not done");
        }
    }
}
