using System.Net;

namespace Extensible.Host.Tests.Security;

/// <summary>
/// A client that writes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> itself, or a proxy the host does not know,
/// changes nothing: no HSTS for a claimed https, no fresh rate limit for a claimed address. Loopback is not trusted
/// unless named.
/// </summary>
public sealed class forwarded_headers_from_anyone_else_are_ignored
{
    [Theory]
    [InlineData("no proxies configured")]
    [InlineData("another proxy", "--Extensible:KnownProxies=10.9.8.7")]
    [InlineData("another network", "--Extensible:KnownNetworks=10.0.0.0/8")]
    [InlineData("the framework's own switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED) on", "--FORWARDEDHEADERS_ENABLED=true")]
    public async Task a_spoofed_client_address_or_scheme_is_not_believed(string setup, params string[] settings)
    {
        var host = new ProxiedHost(settings);
        await host.InitializeAsync();
        try
        {
            using var client = host.Client();
            using var claimedHttps = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/healthz", "203.0.113.50", "https", "social.example.org"));
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i <= ProxiedHost.SignInPerMinute; i++)
            {
                using var response = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/account/login", $"203.0.113.{60 + i}"));
                answers.Add(response.StatusCode);
            }

            Assert.False(claimedHttps.Headers.Contains("Strict-Transport-Security"), setup);
            Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task in_development_https_still_makes_the_cookie_secure_but_sends_no_hsts()
    {
        var host = new ProxiedHost("--Extensible:KnownProxies=127.0.0.1", "--environment=Development");
        await host.InitializeAsync();
        try
        {
            var (cookie, _) = await host.SignInAsync("203.0.113.70", "https");
            using var client = host.Client();
            using var https = await client.SendAsync(ProxiedHost.Forwarded(HttpMethod.Get, "/healthz", "203.0.113.70", "https", "social.example.org"));

            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.False(https.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
