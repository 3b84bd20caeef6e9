namespace Extensible.Host.Tests.Publishing.Publisher;

/// <summary>The publishing host with short retries and leases, so failure classes play out within a test.</summary>
public sealed class PublisherHost : IAsyncLifetime
{
    public static readonly string[] FastArguments =
    [
        "--Extensible:Publisher:RetryBaseDelay=00:00:00.300",
        "--Extensible:Publisher:HeartbeatInterval=00:00:01",
        "--Extensible:Publisher:Lease=00:00:03",
    ];

    public PublishingHost Publishing { get; } = new() { Arguments = FastArguments };

    public Task InitializeAsync() => Publishing.InitializeAsync();

    public Task DisposeAsync() => Publishing.DisposeAsync();
}
