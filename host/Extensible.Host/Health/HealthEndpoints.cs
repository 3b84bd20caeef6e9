using Extensible.EventStore;
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
            .WithName("Readiness").WithSummary("The database is reachable, migrations are applied and the projection daemon runs.").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ReadyAsync(NpgsqlDataSource dataSource, EventStoreService eventStore, CancellationToken cancellationToken)
    {
        var database = await CanReachAsync(dataSource, cancellationToken);
        var store = eventStore.Status;
        var report = new Readiness(database && store.Migrated && store.DaemonRunning, database, store.Migrated, store.DaemonRunning);
        return Results.Json(report, HealthJsonContext.Default.Readiness, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
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
