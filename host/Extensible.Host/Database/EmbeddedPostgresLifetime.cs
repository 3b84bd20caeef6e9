namespace Extensible.Host.Database;

/// <summary>Stops the embedded PostgreSQL cluster when the host stops, or when it is disposed without having started.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres.EmbeddedPostgres embedded, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => embedded.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await embedded.StopAsync();
        loggerFactory.Dispose();
    }
}
