using System.Net;
using System.Text.RegularExpressions;
using Extensible.People;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Security;

/// <summary>
/// A host on a fresh database with an owner, reached the way a reverse proxy reaches it: the tests connect from
/// 127.0.0.1 and say who the client is with <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>. Its rate limits are
/// small (3 sign-in requests, 4 API calls a minute) so tests reach them in a few calls.
/// </summary>
public sealed partial class ProxiedHost : IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.com";
    public const string Password = "correct horse battery";
    public const int SignInPerMinute = 3;
    public const int ApiPerMinute = 4;

    private readonly string[] _settings;
    private ExtensibleTestHost? _host;

    /// <summary>The usual fixture: 127.0.0.1 (the tests' own address) is the known proxy.</summary>
    public ProxiedHost()
        : this("--Extensible:KnownProxies=127.0.0.1")
    {
    }

    /// <summary>A host with other settings (which proxies it knows, its environment), for a test to start itself.</summary>
    internal ProxiedHost(params string[] settings) => _settings = settings;

    public ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("proxy");
        _host = await ExtensibleTestHost.StartAsync(connectionString,
        [
            $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", $"--Extensible:Bootstrap:OwnerPassword={Password}", "--Extensible:Bootstrap:WorkspaceName=Acme",
            $"--Extensible:RateLimits:SignInPerMinute={SignInPerMinute}", $"--Extensible:RateLimits:ApiPerMinute={ApiPerMinute}", .. _settings,
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A request as the proxy passes it on for <paramref name="client"/>, who used <paramref name="scheme"/>.</summary>
    public static HttpRequestMessage Forwarded(HttpMethod method, string path, string client, string scheme = "http", string? host = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return request;
    }

    /// <summary>A client that follows no redirects and keeps no cookies, like the tests' proxy.</summary>
    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };

    /// <summary>A new API token of the owner's.</summary>
    public async Task<string> NewTokenAsync()
    {
        var directory = Host.Services.GetRequiredService<PeopleDirectory>();
        var owner = (await directory.FindUserByEmailAsync(OwnerEmail))!;
        var workspace = (await directory.WorkspacesOfAsync(owner.Id)).Single().WorkspaceId;
        return await Host.Services.GetRequiredService<PeopleService>().CreateApiTokenAsync(workspace, owner.Id, "proxy tests", Role.Owner, Role.Owner, OwnerEmail);
    }

    /// <summary>
    /// Signs the owner in through the sign-in page, as <paramref name="client"/> using <paramref name="scheme"/>; the
    /// <c>Set-Cookie</c> headers of the session and of the page's antiforgery cookie.
    /// </summary>
    public async Task<(string Session, string Antiforgery)> SignInAsync(string client, string scheme)
    {
        using var http = Client();
        using var page = await http.SendAsync(Forwarded(HttpMethod.Get, "/account/login", client, scheme));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var setAntiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var (antiforgery, token) = await Api.ConsoleToken.ReadAsync(page);

        using var post = Forwarded(HttpMethod.Post, "/account/login", client, scheme);
        post.Headers.Add("Cookie", antiforgery);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = OwnerEmail, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ext-session=", StringComparison.Ordinal)), setAntiforgery);
    }
}
