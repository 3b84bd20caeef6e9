using Extensible.EventStore;
using Extensible.Publishing.Publisher;
using Npgsql;

namespace Extensible.Host.Health;

/// <summary><c>/healthz</c> and <c>/readyz</c>, served without login for load balancers and the container's HEALTHCHECK.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoints.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("alive", "text/plain"))
            .WithName("Health").WithSummary("The process is alive.").AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness").WithSummary("The database is reachable, migrations are applied, the projection daemon runs and the publisher is not stalled.").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ReadyAsync(NpgsqlDataSource dataSource, EventStoreService eventStore, PublisherStatus publisher, CancellationToken cancellationToken)
    {
        var database = await CanReachAsync(dataSource, cancellationToken);
        var store = eventStore.Status;
        var publishing = !database || await PublisherReadyAsync(publisher, cancellationToken);
        var report = new Readiness(database && store.Migrated && store.DaemonRunning && publishing, database, store.Migrated, store.DaemonRunning, publishing);
        return Results.Json(report, HealthJsonContext.Default.Readiness, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    // A stalled publisher makes the node not ready; a database that does not answer is reported as itself.
    private static async Task<bool> PublisherReadyAsync(PublisherStatus publisher, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return await publisher.IsReadyAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return true;
        }
    }

    private static async Task<bool> CanReachAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
