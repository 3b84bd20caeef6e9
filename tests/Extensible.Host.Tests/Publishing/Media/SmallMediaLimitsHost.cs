namespace Extensible.Host.Tests.Publishing.Media;

/// <summary>A publishing host whose media limits are configured small: 20 KB images, 1 megapixel.</summary>
public sealed class SmallMediaLimitsHost : IAsyncLifetime
{
    public PublishingHost Host { get; } = new()
    {
        Arguments = ["--Extensible:Media:MaxImageBytes=20000", "--Extensible:Media:MaxImagePixels=1000000"],
    };

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
