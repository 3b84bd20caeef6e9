namespace Extensible.Host.Database;

/// <summary>Stops the embedded PostgreSQL cluster when the host stops.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres.EmbeddedPostgres embedded, ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => embedded.StopAsync(cancellationToken);

    public void Dispose() => loggerFactory.Dispose();
}
