using Extensible.Plugins.Bluesky.Network;
using Extensible.Plugins.Bluesky.Tests.FakePds;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Testing;

namespace Extensible.Plugins.Bluesky.Tests.Support;

/// <summary>
/// One test's world: the fake PDS, the connector under its real plugin id in the harness (whose HTTP handler forwards to a
/// real one, reaching the PDS over loopback), the harness's fake clock shared by both, and a brand account
/// (<see cref="BrandHandle"/>) plus a stranger who writes to it.
/// </summary>
public sealed class BlueskyWorld : IAsyncDisposable
{
    public const string PluginId = "extensible.bluesky";
    public const string BrandHandle = "brand.test";
    public const string BrandPassword = "abcd-efgh-ijkl-mnop";
    public const string StrangerHandle = "stranger.test";

    private readonly SocketsHttpHandler network = new();

    private BlueskyWorld(PluginHarness harness, FakePds.FakePds pds)
    {
        Harness = harness;
        Harness.Http.ForwardUnscriptedTo(network);
        Pds = pds;
        BrandDid = pds.CreateAccount(BrandHandle, BrandPassword, "Brand ☕");
        StrangerDid = pds.CreateAccount(StrangerHandle, "stranger-password", "A stranger");
        Connector = new BlueskyConnector(harness.Context);
    }

    public PluginHarness Harness { get; }

    public FakePds.FakePds Pds { get; }

    public BlueskyConnector Connector { get; }

    public string BrandDid { get; }

    public string StrangerDid { get; }

    public static async Task<BlueskyWorld> StartAsync(string? proxy = BlueskySettings.BlueskyAppView)
    {
        var harness = PluginHarness.Create<BlueskyPlugin>(new BlueskySettings { AppViewProxy = proxy }, PluginId);
        var pds = await FakePds.FakePds.StartAsync(harness.Clock);
        pds.ExpectedProxy = string.IsNullOrEmpty(proxy) ? null : proxy;
        return new BlueskyWorld(harness, pds);
    }

    /// <summary>Connects the brand account through the connector, as the console does with the fields entered.</summary>
    public async Task<ConnectedAccount> ConnectBrandAsync()
    {
        var start = await Connector.BeginConnectAsync(new ConnectRequest(new Uri("urn:extensible:accounts:connect"), "fields"), CancellationToken.None);
        Assert.Equal([BlueskyConnector.HandleField, BlueskyConnector.AppPasswordField, BlueskyConnector.PdsField], start.Fields.Select(f => f.Name));
        return await Connector.CompleteConnectAsync(new ConnectCompletion
        {
            RedirectUri = new Uri("urn:extensible:accounts:connect"),
            Fields = new Dictionary<string, string>
            {
                [BlueskyConnector.HandleField] = "@" + BrandHandle,
                [BlueskyConnector.AppPasswordField] = BrandPassword,
                [BlueskyConnector.PdsField] = Pds.Address.AbsoluteUri,
            },
        }, CancellationToken.None);
    }

    public static PublishRequest Post(AccountCredentials account, string key, string text, params MediaAttachment[] media) => new()
    {
        Account = account,
        IdempotencyKey = key,
        Content = new PostContent { Kind = media.Length == 0 ? ContentKinds.Text : media.Length == 1 ? ContentKinds.Image : ContentKinds.Carousel, Text = text, Media = media },
    };

    /// <summary>Another connector on the same harness and PDS, without the first one's memory: a restarted host, another node.</summary>
    public BlueskyConnector NewConnector() => new(Harness.Context);

    public async ValueTask DisposeAsync()
    {
        await Pds.DisposeAsync();
        Harness.Dispose();
        network.Dispose();
    }
}
