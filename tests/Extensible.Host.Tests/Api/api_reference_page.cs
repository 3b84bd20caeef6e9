using System.Net;
using System.Text.RegularExpressions;

namespace Extensible.Host.Tests.Api;

public sealed partial class api_reference_page(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task lists_every_operation_with_who_may_call_it()
    {
        var response = await api.Client().GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var operation in new[] { "GET /api/v1/me", "POST /api/v1/workspaces", "GET /api/v1/workspaces/{id}/members", "POST /api/v1/workspaces/{id}/invitations",
                     "PUT /api/v1/workspaces/{id}/members/{userId}/role", "DELETE /api/v1/workspaces/{id}/members/{userId}", "GET /api/v1/tokens",
                     "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}", "GET /api/v1/audit" })
        {
            Assert.Contains($"<code>{operation}</code>", html, StringComparison.Ordinal);
        }

        Assert.Contains("capabilities: people.manage; roles holding them: Owner, Admin", html, StringComparison.Ordinal);
        Assert.Contains("id=\"shape-CreateTokenRequest\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>expiresAt</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task has_no_scripts_or_styles_and_forbids_them()
    {
        var response = await api.Client().GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotMatch(ScriptOrStyle(), html);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [GeneratedRegex("<script|<style|\\sstyle=|\\son[a-z]+=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();
}
