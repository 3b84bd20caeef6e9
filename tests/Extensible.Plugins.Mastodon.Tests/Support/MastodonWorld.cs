using System.Net;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Testing;
using Extensible.Testing.Networks.Mastodon;

namespace Extensible.Plugins.Mastodon.Tests.Support;

/// <summary>
/// A fake instance, the plugin in the SDK's harness under its real id, and the connector talking to the fake over loopback
/// (the harness's HTTP handler forwards to a real one) on the real clock, so it waits for media processing as in production.
/// </summary>
public sealed class MastodonWorld : IAsyncDisposable
{
    public const string PluginId = "extensible.mastodon";

    public static readonly Uri Callback = new("https://extensible.example/accounts/callback/extensible.mastodon");

    private readonly SocketsHttpHandler _network = new();

    private MastodonWorld(FakeMastodon instance)
    {
        Instance = instance;
        Harness = PluginHarness.Create<MastodonPlugin>(null, PluginId).UseClock(TimeProvider.System);
        Harness.Http.ForwardUnscriptedTo(_network);
        Connector = new MastodonConnector(Harness.Context);
    }

    public FakeMastodon Instance { get; }

    public PluginHarness Harness { get; }

    public MastodonConnector Connector { get; }

    public static async Task<MastodonWorld> StartAsync() => new(await FakeMastodon.StartAsync());

    /// <summary>Connects the brand account as a person would: the instance entered, its authorization page, Authorize, the callback.</summary>
    public async Task<ConnectedAccount> ConnectAsync(AppCredentials? app = null)
    {
        var state = Guid.NewGuid().ToString("N");
        var start = await Connector.BeginConnectAsync(
            new ConnectRequest(Callback, state) { AppCredentials = app, Fields = new Dictionary<string, string> { ["instance"] = Instance.Address.AbsoluteUri } },
            CancellationToken.None);
        var callback = await AuthorizeAsync(start.AuthorizationUrl!);
        Assert.Equal(state, callback.GetValueOrDefault("state"));
        return await Connector.CompleteConnectAsync(
            new ConnectCompletion { RedirectUri = Callback, Verifier = start.Verifier, Fields = callback, AppCredentials = app }, CancellationToken.None);
    }

    /// <summary>Opens the authorization page, presses Authorize, and returns the parameters the instance sends back to the callback.</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(Uri authorizationUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var page = await browser.GetAsync(authorizationUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"The authorization page refused: {html}");
        Assert.Contains(">Authorize</button>", html, StringComparison.Ordinal);
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var answer = await browser.PostAsync(new Uri(Instance.Address, "/oauth/authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var back = answer.Headers.Location!;
        Assert.StartsWith(Callback.AbsoluteUri, back.AbsoluteUri, StringComparison.Ordinal);
        return back.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
    }

    public static PublishRequest Post(AccountCredentials account, string key, string text, IReadOnlyDictionary<string, string>? options = null) => new()
    {
        Account = account,
        IdempotencyKey = key,
        Content = new PostContent { Kind = ContentKinds.Text, Text = text, Options = options ?? new Dictionary<string, string>() },
    };

    public static MediaAttachment Image(string fileName, string? altText, int bytes = 2048) => new()
    {
        FileName = fileName,
        ContentType = "image/png",
        Length = bytes,
        AltText = altText,
        OpenAsync = _ => Task.FromResult<Stream>(new MemoryStream(new byte[bytes])),
    };

    public async ValueTask DisposeAsync()
    {
        Harness.Dispose();
        _network.Dispose();
        await Instance.DisposeAsync();
    }
}
