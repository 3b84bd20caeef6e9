using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.People;

namespace Extensible.Host.Tests.Security;

/// <summary>
/// A page on another origin of the same site (another port, another subdomain) gets the console's SameSite=Lax session
/// cookie sent along with its requests; it must not be able to change anything through the API with it.
/// </summary>
public sealed class session_calls_to_the_api_need_the_consoles_token_and_origin(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Foreign = "http://localhost:9999";

    [Fact]
    public async Task a_call_from_another_origin_is_refused_and_changes_nothing_while_api_tokens_need_neither()
    {
        var target = await api.AddMemberAsync(Role.Analyst);
        var (session, token) = await ConsoleAsync();
        var before = await api.EventCountAsync();
        using var client = api.Client();

        using var post = await client.SendAsync(token.Sign(Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"planted","role":"Owner"}"""), session, new Uri(Foreign)));
        using var delete = await client.SendAsync(token.Sign(new HttpRequestMessage(HttpMethod.Delete, Members(target)), session, new Uri(Foreign)));

        await AssertRefusedAsync(post, "another origin");
        await AssertRefusedAsync(delete, "another origin");
        Assert.Equal(before, await api.EventCountAsync());
        Assert.Contains(await api.Directory.MembersAsync(api.WorkspaceId), m => m.UserId == target.UserId);

        using var bearer = Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"integration","role":"Analyst"}""");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.Owner.Token);
        bearer.Headers.Add("Origin", Foreign);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public async Task a_change_without_the_antiforgery_token_is_refused_even_from_the_servers_own_origin_while_reading_needs_neither()
    {
        var target = await api.AddMemberAsync(Role.Analyst);
        var (session, _) = await ConsoleAsync();
        var before = await api.EventCountAsync();
        using var client = api.Client();

        using var request = new HttpRequestMessage(HttpMethod.Delete, Members(target));
        request.Headers.Add("Cookie", session);
        request.Headers.Add("Origin", Own);
        using var response = await client.SendAsync(request);

        await AssertRefusedAsync(response, "antiforgery token");
        Assert.Equal(before, await api.EventCountAsync());

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/me", UriKind.Relative));
        read.Headers.Add("Cookie", session);
        read.Headers.Add("Origin", Foreign);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task with_the_token_from_its_own_origin_a_call_goes_through_and_a_referer_stands_in_for_a_missing_origin()
    {
        var (session, token) = await ConsoleAsync();
        using var client = api.Client();

        using var nameless = token.Sign(Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"nameless","role":"Analyst"}"""), session, api.Host.Address);
        nameless.Headers.Remove("Origin");
        using var refused = await client.SendAsync(nameless);
        using var allowed = await client.SendAsync(token.Sign(Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"console","role":"Analyst"}"""), session, api.Host.Address));
        using var viaReferer = token.Sign(Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"referer","role":"Analyst"}"""), session, api.Host.Address);
        viaReferer.Headers.Remove("Origin");
        viaReferer.Headers.Referrer = new Uri(api.Host.Address, "/account/tokens");
        using var referred = await client.SendAsync(viaReferer);

        await AssertRefusedAsync(refused, "no origin");
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
    }

    private string Own => api.Host.Address.GetLeftPart(UriPartial.Authority);

    private string Members(Person person) => $"/api/v1/workspaces/{api.WorkspaceId}/members/{person.UserId}";

    private async Task<(string Session, ConsoleToken Token)> ConsoleAsync()
    {
        var session = await api.SessionCookieAsync(ApiHost.OwnerEmail);
        using var client = api.Client();
        return (session, await ConsoleToken.FetchAsync(client, session));
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string json) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"Expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cross-site request refused", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
    }
}
