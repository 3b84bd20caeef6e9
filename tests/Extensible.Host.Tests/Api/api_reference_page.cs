using System.Net;
using System.Text.RegularExpressions;
using Extensible.Admin.Security;

namespace Extensible.Host.Tests.Api;

public sealed partial class api_reference_page(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task serves_the_reference_ui_over_the_openapi_document_with_scripts_from_the_host_itself()
    {
        using var client = api.Client();
        var response = await ReferenceAsync(client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.DoesNotMatch(ExternalAddress(), html);
        foreach (var script in scripts)
        {
            var asset = await client.GetAsync(new Uri(new Uri(api.Host.Address, "/api/"), script));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{script}: {(int)asset.StatusCode}");
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task relaxes_the_console_csp_for_this_page_alone_by_a_nonce()
    {
        using var client = api.Client();
        var response = await ReferenceAsync(client);
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceSource().Match(policy);
        Assert.True(nonce.Success, policy);
        Assert.Contains($"nonce=\"{nonce.Groups["nonce"].Value}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var again = (await ReferenceAsync(client)).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(policy, again);
        var console = await client.GetAsync("/account/login");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, console.Headers.GetValues("Content-Security-Policy").Single());
    }

    // /api answers with the address the reference's relative asset links need, /api/.
    private static async Task<HttpResponseMessage> ReferenceAsync(HttpClient client)
    {
        var redirect = await client.GetAsync("/api");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/api/", new Uri(new Uri("http://host/api"), redirect.Headers.Location!).AbsolutePath);
        return await client.GetAsync("/api/");
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9_\\-+/=]+)'")]
    private static partial Regex NonceSource();
}
