using System.Net;

namespace Extensible.Host.Tests.Security;

/// <summary>With <c>Extensible:KnownProxies</c> naming the proxy, the host sees each client's own address and scheme.</summary>
public sealed class behind_a_known_proxy(ProxiedHost host) : IClassFixture<ProxiedHost>
{
    [Fact]
    public async Task the_session_and_antiforgery_cookies_are_secure_when_the_client_used_https()
    {
        var overHttps = await host.SignInAsync("203.0.113.10", "https");
        var overHttp = await host.SignInAsync("203.0.113.11", "http");

        Assert.Contains("; secure", overHttps.Session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", overHttps.Antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", overHttp.Session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", overHttp.Antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task hsts_is_sent_on_https_responses_only()
    {
        using var client = host.Client();

        using var https = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/healthz", "203.0.113.20", "https", "social.example.org"));
        using var http = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/healthz", "203.0.113.20", "http", "social.example.org"));

        Assert.StartsWith("max-age=", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task each_client_has_its_own_sign_in_limit()
    {
        using var client = host.Client();
        for (var i = 0; i < ProxiedHost.SignInPerMinute; i++)
        {
            using var allowed = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/account/login", "198.51.100.1"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/account/login", "198.51.100.1"));
        using var neighbour = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/account/login", "198.51.100.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task made_up_api_tokens_count_against_the_client_address()
    {
        using var client = host.Client();
        for (var i = 0; i < ProxiedHost.ApiPerMinute; i++)
        {
            using var refused = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.3"), $"ext_made-up-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.3"), "ext_made-up-again"));
        using var anonymous = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.3"));
        using var neighbour = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.4"), "ext_made-up-0"));
        using var valid = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.3"), await host.NewTokenAsync()));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task each_api_token_has_its_own_limit_wherever_it_calls_from()
    {
        var token = await host.NewTokenAsync();
        using var client = host.Client();
        for (var i = 0; i < ProxiedHost.ApiPerMinute; i++)
        {
            using var allowed = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", $"198.51.100.{10 + i}"), token));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.30"), token));
        using var other = await client.SendAsync(Bearer(ProxiedHost.Forwarded(HttpMethod.Get, "/api/v1/me", "198.51.100.30"), await host.NewTokenAsync()));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static HttpRequestMessage Bearer(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
