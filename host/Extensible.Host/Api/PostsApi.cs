using Extensible.People;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/posts</c>: composing, scheduling and following posts, with the console's rules and errors. Writes take
/// <c>compose</c>; reading takes membership. Commands answer the post as it now is; a post changed by someone else
/// since the version sent answers 409.
/// </summary>
internal static class PostsApi
{
    private static readonly string[] Statuses =
        ["draft", "scheduled", "discarded", "publishing", "published", "retrying", "failed", "needs_decision", "dropped", "deleted"];

    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        api.MapGet("/posts", ListAsync).WithTags("Posts").RequireAuthorization(Policies.Member).ProducesValidationProblem()
            .WithName("ListPosts").WithSummary("Posts of the workspace")
            .WithDescription("With from and to: posts due in [from, to) by due time (the calendar: scheduled, published, failed; not drafts), at most 62 days. Without: last changed first. status filters by the post's state (draft, scheduled, discarded) or a target's status (published, failed, needs_decision…); account by a target account. At most 500.");
        api.MapPost("/posts", CreateAsync).WithTags("Posts").RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .WithName("CreatePost").WithSummary("Draft a post")
            .WithDescription("A draft with shared content and the accounts it goes to, each with an optional variant. A draft may be invalid for its networks (see validate); its accounts must be this workspace's.");
        posts.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .WithName("ValidatePost").WithSummary("Check a post against its networks")
            .WithDescription("What the composer's live counters show: per target, the text counted as its network counts it against its limit (thread parts and first comment too), problems that would stop a schedule (errors keyed targets[<accountId>].text and so on) and warnings (the same text to the same account within a day). Stores nothing.");
        posts.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Member).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPost").WithSummary("One post")
            .WithDescription("The post with each target's status (draft, scheduled, publishing, published, retrying, failed, needs_decision, dropped, deleted), the network's message on failure, the summary (\"2 of 3 published, 1 failed: …\") and the history from its events.");
        posts.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EditPost").WithSummary("Edit a post")
            .WithDescription("New content and targets. A scheduled post is checked like a schedule; targets already sent keep what they sent. Send the version you saw: a post changed since answers 409.");
        posts.MapPost("/{id:guid}/schedule", ScheduleAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SchedulePost").WithSummary("Schedule a post")
            .WithDescription("At a local time in an IANA zone (the workspace's when left out), stored as the instant plus the zone. A time that does not exist (spring forward) or happens twice (fall back) answers 400 with the question under errors.localTime and the answers under choices: send one back (its localTime, and its offset for a time that happens twice). A time past, or any target its network would refuse, answers 400 with errors per target.");
        posts.MapPost("/{id:guid}/reschedule", RescheduleAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReschedulePost").WithSummary("Move a scheduled post").WithDescription("Like schedule, for a post already scheduled.");
        posts.MapPost("/{id:guid}/publish-now", PublishNowAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PublishPostNow").WithSummary("Publish a post now").WithDescription("Its unsent targets are due now; checked like a schedule.");
        posts.MapPost("/{id:guid}/unschedule", UnscheduleAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnschedulePost").WithSummary("Unschedule a post").WithDescription("Back to a draft; targets already sent stay sent.");
        posts.MapDelete("/{id:guid}", DiscardAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DiscardPost").WithSummary("Cancel and discard a post")
            .WithDescription("Its unsent targets are dropped and it leaves the lists; what went out stays on the networks.");
        posts.MapPost("/{id:guid}/duplicate", DuplicateAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DuplicatePost").WithSummary("Duplicate a post").WithDescription("A new draft with the same content, targets and variants.");
        posts.MapPost("/{id:guid}/targets/{accountId:guid}/retry", RetryAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RetryPostTarget").WithSummary("Retry a failed target").WithDescription("The target is due again now.");
        posts.MapPost("/{id:guid}/targets/{accountId:guid}/decision", DecideAsync).RequireAuthorization(Policies.Compose).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DecidePostTarget").WithSummary("Decide on a target in doubt")
            .WithDescription("After a crash the publisher could not tell whether the network took the post: send_again, mark_sent (with its url when known) or drop.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PostListItem>>, ValidationProblem>> ListAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? status, Guid? account, [AsParameters] PostsApiServices services)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return Invalid("status", $"Filter by one of: {string.Join(", ", Statuses)}.");
        }

        if ((from is null) != (to is null) || from > to || to - from > TimeSpan.FromDays(62)
            || from is { Year: < ScheduleTime.MinYear or > ScheduleTime.MaxYear } || to is { Year: < ScheduleTime.MinYear or > ScheduleTime.MaxYear })
        {
            return Invalid("to", "Give both from and to, from before to, at most 62 days apart (or neither).");
        }

        var list = await services.Board.ListAsync(services.Actor.WorkspaceId, from, to, status, account is { } a ? [a] : null, services.Aborted);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<PostView>, ProblemHttpResult>> GetAsync(Guid id, [AsParameters] PostsApiServices services) =>
        await services.Board.GetAsync(services.Actor.WorkspaceId, id, services.Aborted) is { } post
            ? TypedResults.Ok(post)
            : ApiProblems.NotFound("No such post in this workspace.");

    private static async Task<Results<Created<PostView>, ValidationProblem, ProblemHttpResult>> CreateAsync(JsonBody<PostRequest> body, [AsParameters] PostsApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var id = await services.Posts.DraftAsync(services.Actor, body.Value!.Content, body.Value.PostTargets, services.Aborted);
            return TypedResults.Created($"/api/v1/posts/{id}", await services.Board.GetAsync(services.Actor.WorkspaceId, id, services.Aborted));
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
    }

    private static async Task<Results<Ok<PostCheckResponse>, ValidationProblem, ProblemHttpResult>> ValidateAsync(JsonBody<PostRequest> body, [AsParameters] PostsApiServices services)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        PostCheck check;
        try
        {
            check = await services.Validation.CheckAsync(services.Actor.WorkspaceId, request.Content, request.PostTargets, request.PostId, request.DueAt, services.Aborted);
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }

        return TypedResults.Ok(new PostCheckResponse(check.IsValid, check.Errors(), [.. check.Targets.Select(t => new TargetCheckResponse(
            t.AccountId, t.Handle, t.PlatformKey, t.Network, t.Counters, t.Problems, t.Warnings,
            [.. t.Options.Select(o => new PostOptionResponse(o.Key, o.Label, Kind(o.Kind), o.Choices, o.Required, o.Help))]))]));
    }

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> EditAsync(Guid id, JsonBody<PostRequest> body, [AsParameters] PostsApiServices services) =>
        RunAsync(id, body.Problem, services, actor => services.Posts.EditAsync(actor, id, body.Value!.Content, body.Value.PostTargets, body.Value.Version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(Guid id, JsonBody<ScheduleRequest> body, [AsParameters] PostsApiServices services) =>
        RunAsync(id, body.Problem, services, actor => services.Posts.ScheduleAsync(actor, id, PostsApiInput.DueTime(body.Value!), body.Value!.Version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(Guid id, JsonBody<ScheduleRequest> body, [AsParameters] PostsApiServices services) =>
        RunAsync(id, body.Problem, services, actor => services.Posts.RescheduleAsync(actor, id, PostsApiInput.DueTime(body.Value!), body.Value!.Version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> PublishNowAsync(Guid id, long? version, [AsParameters] PostsApiServices services) =>
        RunAsync(id, null, services, actor => services.Posts.PublishNowAsync(actor, id, version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> UnscheduleAsync(Guid id, long? version, [AsParameters] PostsApiServices services) =>
        RunAsync(id, null, services, actor => services.Posts.UnscheduleAsync(actor, id, version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> DiscardAsync(Guid id, long? version, [AsParameters] PostsApiServices services) =>
        RunAsync(id, null, services, actor => services.Posts.DiscardAsync(actor, id, version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> RetryAsync(Guid id, Guid accountId, long? version, [AsParameters] PostsApiServices services) =>
        RunAsync(id, null, services, actor => services.Posts.RetryTargetAsync(actor, id, accountId, version, services.Aborted));

    private static Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> DecideAsync(Guid id, Guid accountId, JsonBody<TargetDecisionRequest> body, [AsParameters] PostsApiServices services) =>
        RunAsync(id, body.Problem, services, actor => services.Posts.DecideAsync(
            actor, id, accountId, PostsApiInput.Decision(body.Value!.Decision), body.Value.Url, body.Value.Version, services.Aborted));

    private static async Task<Results<Created<PostView>, ValidationProblem, ProblemHttpResult>> DuplicateAsync(Guid id, [AsParameters] PostsApiServices services)
    {
        try
        {
            var copy = await services.Posts.DuplicateAsync(services.Actor, id, services.Aborted);
            return TypedResults.Created($"/api/v1/posts/{copy}", await services.Board.GetAsync(services.Actor.WorkspaceId, copy, services.Aborted));
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
        catch (PostNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
    }

    // Every command answers alike: the post as it now is, or why not (400 with fields, 404, 409).
    private static async Task<Results<Ok<PostView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id, ProblemHttpResult? bodyProblem, PostsApiServices services, Func<Extensible.Publishing.PublishingActor, Task<long>> command)
    {
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        try
        {
            await command(services.Actor);
        }
        catch (PostValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors);
        }
        catch (LocalTimeQuestionException q)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["localTime"] = [q.Message] }, detail: q.Message,
                extensions: new Dictionary<string, object?> { ["choices"] = q.Choices.Select(PostsApiInput.Choice).ToArray() });
        }
        catch (PostNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
        catch (PostChangedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The post changed meanwhile");
        }

        return await services.Board.GetAsync(services.Actor.WorkspaceId, id, services.Aborted) is { } post
            ? TypedResults.Ok(post)
            : ApiProblems.NotFound("No such post in this workspace.");
    }

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static string Kind(PostOptionKind kind) => kind switch
    {
        PostOptionKind.Choice => "choice",
        PostOptionKind.Boolean => "boolean",
        _ => "text",
    };
}
