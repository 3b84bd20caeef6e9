using Extensible.Inbox.Actions;
using Extensible.Inbox.Deliveries;
using Extensible.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/inbox/deliveries</c>: webhook deliveries that passed their signature check but could not be read, kept for
/// the workspace's operators (<c>manage-workspace</c>: Admins and Owners), who list, read, replay or dismiss them.
/// </summary>
internal static class InboxDeliveriesApi
{
    private static readonly string[] Statuses = [KeptDelivery.Kept, KeptDelivery.Replayed, KeptDelivery.Dismissed];

    public static RouteGroupBuilder MapInboxDeliveriesApi(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/inbox/deliveries").WithTags("Inbox").RequireAuthorization(Policies.ManageWorkspace);
        api.MapGet("/inbox/deliveries", ListAsync).WithTags("Inbox").RequireAuthorization(Policies.ManageWorkspace).ProducesValidationProblem()
            .WithName("ListKeptDeliveries").WithSummary("Kept webhook deliveries")
            .WithDescription("Deliveries a network sent (answered 400) that the account's connector could not read, newest first (at most 200), with the plugin, the account, when it came, the connector's reason and the body's size; count says how many wait. status: kept (default), replayed or dismissed.");
        deliveries.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetKeptDelivery").WithSummary("One kept delivery with its body")
            .WithDescription("The body as text (cut to 64 KB for showing; it is a stranger's text: encode it wherever it is shown).");
        deliveries.MapPost("/{id:guid}/replay", ReplayAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithName("ReplayKeptDelivery").WithSummary("Replay a kept delivery")
            .WithDescription("Runs the delivery through its account's connector again, as if it had just arrived (its signature checked against the time it first came). Read this time: its items are stored (those already stored, once), and it is replayed. Still unreadable: it stays kept with the new error. 409 when it was replayed or dismissed already; 503 when its plugin is not running.");
        deliveries.MapPost("/{id:guid}/dismiss", DismissAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DismissKeptDelivery").WithSummary("Dismiss a kept delivery").WithDescription("It leaves the list and is not replayed. 409 when it was replayed or dismissed already.");
        return api;
    }

    private static async Task<Results<Ok<KeptDeliveriesResponse>, ValidationProblem>> ListAsync(string? status, [AsParameters] InboxApiServices services)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Filter by one of: {string.Join(", ", Statuses)}."] });
        }

        var list = await services.Deliveries.ListAsync(services.WorkspaceId, status ?? KeptDelivery.Kept, services.Aborted);
        return TypedResults.Ok(new KeptDeliveriesResponse(await services.Deliveries.CountAsync(services.WorkspaceId, services.Aborted), list));
    }

    private static async Task<Results<Ok<KeptDeliveryView>, ProblemHttpResult>> GetAsync(Guid id, [AsParameters] InboxApiServices services) =>
        await services.Deliveries.FindAsync(services.WorkspaceId, id, services.Aborted) is { } view ? TypedResults.Ok(view) : NoSuchDelivery();

    private static Task<Results<Ok<KeptDelivery>, ProblemHttpResult>> ReplayAsync(Guid id, [AsParameters] InboxApiServices services) =>
        RunAsync(() => services.Deliveries.ReplayAsync(services.WorkspaceId, id, services.UserId, services.Aborted));

    private static Task<Results<Ok<KeptDelivery>, ProblemHttpResult>> DismissAsync(Guid id, [AsParameters] InboxApiServices services) =>
        RunAsync(() => services.Deliveries.DismissAsync(services.WorkspaceId, id, services.UserId, services.Aborted));

    private static async Task<Results<Ok<KeptDelivery>, ProblemHttpResult>> RunAsync(Func<Task<KeptDelivery?>> act)
    {
        try
        {
            return await act() is { } delivery ? TypedResults.Ok(delivery) : NoSuchDelivery();
        }
        catch (InboxDeliveryClosedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The delivery was dealt with already");
        }
        catch (InboxActionException e)
        {
            // Its plugin is not running or failed: nothing was tried, and a later replay may work.
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static ProblemHttpResult NoSuchDelivery() => ApiProblems.NotFound("No such kept delivery in this workspace.");
}
