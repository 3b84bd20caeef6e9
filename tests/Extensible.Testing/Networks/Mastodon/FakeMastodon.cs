using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>
/// A Mastodon instance in the test process (Kestrel on 127.0.0.1, a free port) that holds connectors to the documented
/// API (docs.joinmastodon.org): app registration, the authorization page with an Authorize button, PKCE (S256) checked
/// at the token endpoint, a bearer token on every private call (401 once revoked), required fields and 422 validation
/// errors with <c>{"error"}</c>, <c>Idempotency-Key</c> (the same key gives the same status, not a second), media that
/// answer 202 and 206 while processing, notifications and direct conversations paged with <c>Link</c> headers (a token
/// sees its own account's conversations only, and needs <c>read:statuses</c>), and <c>X-RateLimit-*</c> on every
/// answer with 429 when the window is spent. Anything else answers 404, so a wrong request fails its test.
/// </summary>
public sealed partial class FakeMastodon : IAsyncDisposable
{
    /// <summary>The brand account's user name on the instance.</summary>
    public const string BrandUsername = "brand";

    /// <summary>The instance's domain (<c>/api/v2/instance</c>'s <c>domain</c>, the part after a remote <c>@name@</c>).</summary>
    public const string Domain = "fake.mastodon.test";

    /// <summary>The brand account's display name.</summary>
    public const string BrandDisplayName = "Brand <b>&amp; Co</b>";

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private long _nextId = 110_000_000_000_000_000;
    private int _rateLimitedCalls;
    private int _callsBeforeLimit;

    private FakeMastodon(WebApplication app)
    {
        _app = app;
        Brand = AddAccount(BrandUsername, BrandDisplayName);
    }

    /// <summary>The instance's address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The instance's origin as text, without a trailing slash (<c>http://127.0.0.1:port</c>).</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>The instance's character limit (<c>configuration.statuses.max_characters</c>).</summary>
    public int MaxCharacters { get; set; } = 640;

    /// <summary>How many <c>GET /api/v1/media/:id</c> each upload answers 206 to before it is ready; 0 answers 200 to the upload at once.</summary>
    public int MediaProcessingPolls { get; set; } = 2;

    /// <summary>The rate-limit window's size.</summary>
    public int RateLimitPerWindow { get; set; } = 300;

    /// <summary>The account the tests connect.</summary>
    public FakeMastodonAccount Brand { get; }

    /// <summary>Starts an instance.</summary>
    public static async Task<FakeMastodon> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeMastodon(app);
        app.Use(ExplainFailuresAsync);
        app.Use(fake.RateLimitAsync);
        app.UseRouting();
        fake.MapOAuth(app);
        fake.MapAccounts(app);
        fake.MapStatuses(app);
        fake.MapMedia(app);
        fake.MapNotifications(app);
        fake.MapConversations(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Address = new Uri(address.TrimEnd('/'));
        return fake;
    }

    /// <summary>Makes the next <paramref name="calls"/> calls answer 429, their <c>X-RateLimit-Reset</c> 30 seconds away.</summary>
    public void SpendRateLimit(int calls) => SpendRateLimitAfter(0, calls);

    /// <summary>Lets <paramref name="calls"/> more calls through, then answers the <paramref name="limited"/> after them with 429.</summary>
    public void SpendRateLimitAfter(int calls, int limited)
    {
        lock (_gate)
        {
            _callsBeforeLimit = calls;
            _rateLimitedCalls = limited;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string NewId()
    {
        lock (_gate)
        {
            return (++_nextId).ToString(CultureInfo.InvariantCulture);
        }
    }

    private async Task RateLimitAsync(HttpContext http, RequestDelegate next)
    {
        bool limited;
        lock (_gate)
        {
            limited = _rateLimitedCalls > 0 && _callsBeforeLimit == 0;
            _callsBeforeLimit = Math.Max(0, _callsBeforeLimit - 1);
            if (limited)
            {
                _rateLimitedCalls--;
            }
        }

        var reset = DateTimeOffset.UtcNow.AddSeconds(limited ? 30 : 300);
        http.Response.Headers["X-RateLimit-Limit"] = RateLimitPerWindow.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = limited ? "0" : (RateLimitPerWindow - 1).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Reset"] = reset.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (limited)
        {
            await Error(StatusCodes.Status429TooManyRequests, "Too many requests").ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    // A fault in the fake itself reaches the failing test with its cause, not as a bare 500.
    private static async Task ExplainFailuresAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsync(new JsonObject { ["error"] = "The fake instance failed: " + e }.ToJsonString());
        }
    }

    private static IResult Error(int status, string message) => Json(new JsonObject { ["error"] = message }, status);

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) => Results.Content(node.ToJsonString(), "application/json; charset=utf-8", null, status);
}
