using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/inbox</c>: the workspace's threads with the console's filters, one thread with its items, and every action
/// the Inbox room has, with its rules and errors. Reading takes membership; acting takes <c>moderate</c>. Actions take the
/// thread's version the caller saw: a thread changed since answers 409 with what changed. Each action is an event on the
/// thread's stream naming the caller, as the console's are.
/// </summary>
internal static class InboxApi
{
    private const string Conflict = "Send the thread's version you saw (version): if someone acted on it since, or a new item arrived, nothing is done and the answer is 409 with what changed (changes) and the version now.";

    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/threads", ListAsync).RequireAuthorization(Policies.Member).ProducesValidationProblem()
            .WithName("ListInboxThreads").WithSummary("Threads of the inbox")
            .WithDescription("Newest activity first, as the Inbox room lists them. Filters: status (new, open, pending, resolved, spam, hidden), network (a connector's key), account, label, priority (low, normal, high, urgent), sentiment (negative, neutral, positive, or unknown for threads without one), assignee (me, unassigned or a member's id), q (full-text search of the items: quotes and -word work). Pages of limit threads (1 to 100, default 50): send next back as after.");
        inbox.MapGet("/labels", ListLabelsAsync).RequireAuthorization(Policies.Member)
            .WithName("ListInboxLabels").WithSummary("Labels in use").WithDescription("The labels the workspace's threads carry, for filters and suggestions (at most 200).");
        inbox.MapGet("/threads/{id:guid}", GetAsync).RequireAuthorization(Policies.Member).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetInboxThread").WithSummary("One thread")
            .WithDescription("The thread with its items oldest first (our replies too, sent or failed with the network's message) and the author's other threads with the same account. Texts come from the public: encode them wherever they are shown.");
        Action(inbox, "/threads/{id:guid}/status", StatusAsync, "SetInboxThreadStatus", "Resolve, reopen, mark as spam…",
            "status: new, open (reopen), pending, resolved or spam (hidden follows from hiding an item). " + Conflict);
        Action(inbox, "/threads/{id:guid}/assign", AssignAsync, "AssignInboxThread", "Assign or unassign",
            "assignee: me, a member's id, or null for no one. Only members of the workspace can be given threads. " + Conflict);
        Action(inbox, "/threads/{id:guid}/labels", LabelsAsync, "LabelInboxThread", "Set labels",
            "labels replace the thread's: trimmed and lower-cased, at most 10 of at most 40 characters. " + Conflict);
        Action(inbox, "/threads/{id:guid}/priority", PriorityAsync, "PrioritizeInboxThread", "Set priority", "priority: low, normal, high or urgent. " + Conflict);
        Action(inbox, "/threads/{id:guid}/escalate", EscalateAsync, "EscalateInboxThread", "Escalate with a note",
            "note: 1 to 2,000 characters for whoever takes it up; a new or resolved thread opens again. " + Conflict);
        Action(inbox, "/threads/{id:guid}/sentiment", SentimentAsync, "SetInboxItemSentiment", "Correct an item's sentiment",
            "sentiment (negative, neutral or positive; unknown clears it) of item, the network's id of an item from the public (platformItemId; the newest when left out), replacing the network's. "
            + "The thread's sentiment is its newest item's that has one. Recorded here only; the network is not told. " + Conflict);
        Action(inbox, "/threads/{id:guid}/hide", HideAsync, "HideInboxItem", "Hide an item on the network",
            "item: the network's id of the item (platformItemId; the newest from the public when left out). The network's refusal answers 400 with its message. " + Conflict);
        Action(inbox, "/threads/{id:guid}/unhide", UnhideAsync, "UnhideInboxItem", "Show a hidden item again on the network", "Like hide. " + Conflict);
        Action(inbox, "/threads/{id:guid}/delete-item", DeleteItemAsync, "DeleteInboxItem", "Delete an item on the network",
            "item: the network's id of the item. Deleted on the network, for good; the thread keeps it marked deleted. " + Conflict);
        Action(inbox, "/threads/{id:guid}/delete-reply", DeleteReplyAsync, "DeleteInboxReply", "Delete a reply of ours on the network",
            "replyId: the id of a reply sent from the inbox (an item of the thread with direction out). The account deletes it on the network, for good; the thread keeps it marked deleted. A reply that never went out (failed) or is deleted already, or a network that does not let accounts delete their posts, answers 400 with why. " + Conflict);
        inbox.MapPost("/threads/{id:guid}/reply", ReplyAsync).RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplyInInboxThread").WithSummary("Reply on the network")
            .WithDescription("text to the item to (the newest from the public when left out). A reply the network refuses is kept on the thread as failed: the answer is 200 with sent false and the network's message; send it again with its replyId (and the thread's new version) to retry in its place. " + Conflict);
        inbox.MapPost("/threads/bulk", BulkAsync).RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .WithName("BulkInboxAction").WithSummary("Resolve, mark as spam or take many threads")
            .WithDescription("action resolve, spam or assign-me on up to 100 threads, each at its version now, as the Inbox room's bulk bar does. Answers which were done and which not (not in this workspace, or changed at that very moment).");
        return api;
    }

    private static void Action(RouteGroupBuilder inbox, string route, Delegate handler, string name, string summary, string description) =>
        inbox.MapPost(route, handler).RequireAuthorization(Policies.Moderate).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name).WithSummary(summary).WithDescription(description);

    private static async Task<Results<Ok<InboxPageResponse>, ValidationProblem>> ListAsync(
        string? status, string? network, Guid? account, string? label, string? priority, string? sentiment, string? assignee, string? q, string? after, int? limit,
        [AsParameters] InboxApiServices services)
    {
        var query = new InboxQuery
        {
            Status = Blank(status),
            Network = Blank(network),
            AccountId = account,
            Label = Blank(label),
            Priority = Blank(priority),
            Sentiment = Blank(sentiment),
            AssigneeId = Blank(assignee) switch
            {
                "me" => services.UserId,
                var text when Guid.TryParse(text, out var id) => id,
                _ => null,
            },
            Unassigned = Blank(assignee) == "unassigned",
            Search = Blank(q),
            After = Blank(after),
            PageSize = limit ?? 50,
        };
        var errors = query.Validate().ToDictionary(e => e.Key switch { "pageSize" => "limit", "search" => "q", var key => key }, e => new[] { e.Value });
        if (Blank(assignee) is { } who && who is not ("me" or "unassigned") && !Guid.TryParse(who, out _))
        {
            errors["assignee"] = ["Filter by me, unassigned or a member's id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await services.Board.ListAsync(services.WorkspaceId, query, services.Aborted);
        return TypedResults.Ok(new InboxPageResponse(page.Threads, page.Next));
    }

    private static async Task<Ok<IReadOnlyList<string>>> ListLabelsAsync([AsParameters] InboxApiServices services) =>
        TypedResults.Ok(await services.Board.LabelsAsync(services.WorkspaceId, services.Aborted));

    private static async Task<Results<Ok<InboxThreadResponse>, ProblemHttpResult>> GetAsync(Guid id, [AsParameters] InboxApiServices services) =>
        await ThreadAsync(id, services) is { } thread ? TypedResults.Ok(thread) : NoSuchThread();

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> StatusAsync(Guid id, JsonBody<InboxStatusRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "status", services,
            version => services.Actions.SetStatusAsync(services.WorkspaceId, id, version, body.Value!.Status ?? string.Empty, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(Guid id, JsonBody<InboxAssignRequest> body, [AsParameters] InboxApiServices services)
    {
        var assignee = Blank(body.Value?.Assignee);
        Guid? to = assignee == "me" ? services.UserId : Guid.TryParse(assignee, out var member) ? member : null;
        return assignee is not null && to is null
            ? Task.FromResult<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>>(Invalid("assignee", "Assign to me, a member's id, or null for no one."))
            : RunAsync(id, body.Problem, body.Value?.Version, "assignee", services,
                version => services.Actions.AssignAsync(services.WorkspaceId, id, version, to, services.UserId, services.Aborted));
    }

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> LabelsAsync(Guid id, JsonBody<InboxLabelsRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "labels", services,
            version => services.Actions.LabelAsync(services.WorkspaceId, id, version, body.Value!.Labels ?? [], services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> PriorityAsync(Guid id, JsonBody<InboxPriorityRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "priority", services,
            version => services.Actions.PrioritizeAsync(services.WorkspaceId, id, version, body.Value!.Priority ?? string.Empty, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> EscalateAsync(Guid id, JsonBody<InboxEscalateRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "note", services,
            version => services.Actions.EscalateAsync(services.WorkspaceId, id, version, body.Value!.Note ?? string.Empty, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> SentimentAsync(Guid id, JsonBody<InboxSentimentRequest> body, [AsParameters] InboxApiServices services) =>
        body.Value is { } request && !InboxSentiment.IsSettable(request.Sentiment)
            ? Task.FromResult<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>>(Invalid("sentiment", InboxSentiment.SettableMessage))
            : RunAsync(id, body.Problem, body.Value?.Version, "item", services,
                version => services.Actions.SetSentimentAsync(services.WorkspaceId, id, version, Blank(body.Value!.Item), body.Value.Sentiment!, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> HideAsync(Guid id, JsonBody<InboxItemRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "item", services,
            version => services.Actions.SetHiddenAsync(services.WorkspaceId, id, version, body.Value!.Item, true, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> UnhideAsync(Guid id, JsonBody<InboxItemRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "item", services,
            version => services.Actions.SetHiddenAsync(services.WorkspaceId, id, version, body.Value!.Item, false, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> DeleteItemAsync(Guid id, JsonBody<InboxItemRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "item", services,
            version => services.Actions.DeleteItemAsync(services.WorkspaceId, id, version, body.Value!.Item, services.UserId, services.Aborted));

    private static Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> DeleteReplyAsync(Guid id, JsonBody<InboxDeleteReplyRequest> body, [AsParameters] InboxApiServices services) =>
        RunAsync(id, body.Problem, body.Value?.Version, "replyId", services, version => body.Value!.ReplyId is { } replyId
            ? services.Actions.DeleteReplyAsync(services.WorkspaceId, id, version, replyId, services.UserId, services.Aborted)
            : throw new InboxActionException("Send the id of the reply to delete (replyId)."));

    private static async Task<Results<Ok<InboxReplyResponse>, ValidationProblem, ProblemHttpResult>> ReplyAsync(Guid id, JsonBody<InboxReplyRequest> body, [AsParameters] InboxApiServices services)
    {
        ReplyOutcome? outcome = null;
        var answer = await RunAsync(id, body.Problem, body.Value?.Version, "text", services, async version =>
        {
            outcome = await services.Actions.ReplyAsync(
                services.WorkspaceId, id, version, Blank(body.Value!.To), body.Value.Text ?? string.Empty, services.UserId, body.Value.ReplyId, services.Aborted);
            return outcome.Version;
        });
        return answer.Result switch
        {
            Ok<InboxThreadResponse> { Value: { } thread } when outcome is not null =>
                TypedResults.Ok(new InboxReplyResponse(outcome.ReplyId, outcome.Sent, outcome.PlatformReplyId, outcome.Message, thread)),
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => NoSuchThread(),
        };
    }

    private static async Task<Results<Ok<InboxBulkResponse>, ValidationProblem, ProblemHttpResult>> BulkAsync(JsonBody<InboxBulkRequest> body, [AsParameters] InboxApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var action = body.Value!.Action;
        if (action is not ("resolve" or "spam" or "assign-me"))
        {
            return Invalid("action", "Choose resolve, spam or assign-me.");
        }

        var ids = (body.Value.Ids ?? []).Distinct().ToList();
        if (ids.Count is 0 or > InboxQuery.MaxPageSize)
        {
            return Invalid("ids", $"Select 1 to {InboxQuery.MaxPageSize} threads.");
        }

        var (workspaceId, me) = (services.WorkspaceId, services.UserId);
        var done = new List<Guid>();
        foreach (var threadId in ids)
        {
            if (await services.Board.FindAsync(workspaceId, threadId, services.Aborted) is not { } thread)
            {
                continue;
            }

            try
            {
                await (action switch
                {
                    "resolve" => services.Actions.SetStatusAsync(workspaceId, threadId, thread.Version, InboxStatus.Resolved, me, services.Aborted),
                    "spam" => services.Actions.SetStatusAsync(workspaceId, threadId, thread.Version, InboxStatus.Spam, me, services.Aborted),
                    _ => services.Actions.AssignAsync(workspaceId, threadId, thread.Version, me, me, services.Aborted),
                });
                done.Add(threadId);
            }
            catch (InboxThreadChangedException)
            {
                // Someone acted on it at this very moment: it is left as they made it, and answered as not done.
            }
        }

        return TypedResults.Ok(new InboxBulkResponse(done, [.. ids.Except(done)]));
    }

    // Every action answers alike: the thread as it now is, or why not (400 with the field, 404, 409 with what changed).
    private static async Task<Results<Ok<InboxThreadResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id, ProblemHttpResult? bodyProblem, long? version, string field, InboxApiServices services, Func<long, Task<long>> action)
    {
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (await services.Board.FindAsync(services.WorkspaceId, id, services.Aborted) is null)
        {
            return NoSuchThread();
        }

        if (version is not { } seen)
        {
            return Invalid("version", "Send the thread's version you saw (version).");
        }

        try
        {
            await action(seen);
        }
        catch (InboxThreadChangedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The thread changed meanwhile",
                extensions: new Dictionary<string, object?> { ["changes"] = e.Changes.ToArray(), ["version"] = e.ActualVersion });
        }
        catch (InboxActionException e)
        {
            return Invalid(field, e.Message);
        }

        return await ThreadAsync(id, services) is { } thread ? TypedResults.Ok(thread) : NoSuchThread();
    }

    private static async Task<InboxThreadResponse?> ThreadAsync(Guid id, InboxApiServices services)
    {
        if (await services.Board.ThreadAsync(services.WorkspaceId, id, services.Aborted) is not { } view)
        {
            return null;
        }

        // The author is who started the thread, as the console's panel shows their history.
        var author = view.Items.FirstOrDefault(i => i.Direction == "in" && i.AuthorId is not null)?.AuthorId;
        var history = author is null ? [] : await services.Board.AuthorHistoryAsync(services.WorkspaceId, view.Thread.AccountId, author, id, cancellationToken: services.Aborted);
        return new InboxThreadResponse(view.Thread, view.Items, history);
    }

    private static ProblemHttpResult NoSuchThread() => ApiProblems.NotFound("No such thread in this workspace.");

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
