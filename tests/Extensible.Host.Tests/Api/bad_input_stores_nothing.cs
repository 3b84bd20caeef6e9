using System.Net;
using System.Text.Json;

namespace Extensible.Host.Tests.Api;

public sealed class bad_input_stores_nothing(ApiHost api) : IClassFixture<ApiHost>
{
    private static readonly string Huge = new('a', 1024 * 1024);

    /// <summary>Method, path (with {ws} for the workspace), body, the field the problem must name.</summary>
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "POST", "/api/v1/workspaces", "{}", "name" },
        { "POST", "/api/v1/workspaces", """{"name":null}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"   "}""", "name" },
        { "POST", "/api/v1/workspaces", $$"""{"name":"{{new string('n', 101)}}"}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"tab\there"}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"nul\u0000byte"}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"escape\u001b[31m"}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"lone \ud800 surrogate"}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":42}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":["a"]}""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"ok","owner":"someone-else"}""", "owner" },
        { "POST", "/api/v1/workspaces", """{"name":"ok""", "name" },
        { "POST", "/api/v1/workspaces", """{"name":"ok"} trailing""", "body" },
        { "POST", "/api/v1/workspaces", "", "body" },
        { "POST", "/api/v1/workspaces", "null", "body" },
        { "POST", "/api/v1/workspaces", "[]", "body" },
        { "POST", "/api/v1/workspaces", new string('[', 100) + new string(']', 100), "body" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":"Root"}""", "role" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":"5"}""", "role" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":5}""", "role" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":"Analyst, Owner"}""", "role" },
        { "POST", "/api/v1/tokens", """{"name":"t"}""", "role" },
        { "POST", "/api/v1/tokens", $$"""{"name":"{{new string('t', 81)}}","role":"Analyst"}""", "name" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":"Analyst","expiresAt":"yesterday"}""", "expiresAt" },
        { "POST", "/api/v1/tokens", """{"name":"t","role":"Analyst","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"not-an-email","role":"Analyst"}""", "email" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"Name <a@example.com>","role":"Analyst"}""", "email" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"a b@example.com","role":"Analyst"}""", "email" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"a@example.com\r\nBcc: b@example.com","role":"Analyst"}""", "email" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", $$"""{"email":"{{new string('a', 250)}}@example.com","role":"Analyst"}""", "email" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"a@example.com","role":"Overlord"}""", "role" },
        { "POST", "/api/v1/workspaces/{ws}/invitations", """{"email":"owner@example.com","role":"Analyst"}""", "email" },
        { "PUT", "/api/v1/workspaces/{ws}/members/{owner}/role", """{"role":""}""", "role" },
        { "PUT", "/api/v1/workspaces/{ws}/members/{owner}/role", """{}""", "role" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task is_refused_with_the_field_named(string method, string path, string body, string field)
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var before = await api.EventCountAsync();

        var response = await client.SendJsonAsync(new HttpMethod(method), Resolve(path), body);

        Assert.Equal([field], await response.ValidationErrorsAsync());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task a_megabyte_body_is_too_large()
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var before = await api.EventCountAsync();

        var response = await client.PostJsonAsync("/api/v1/workspaces", $$"""{"name":"{{Huge}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_unsupported()
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var before = await api.EventCountAsync();

        var form = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/workspaces", "name=Acme", "application/x-www-form-urlencoded");
        var text = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tokens", """{"name":"t","role":"Analyst"}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task a_malformed_id_in_the_address_is_not_found()
    {
        using var client = api.Client(ApiHost.OwnerToken);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/workspaces/'%20or%201=1--/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/tokens/..%2F..%2Fsetup")).StatusCode);
    }

    [Fact]
    public async Task markup_in_a_name_is_kept_as_text()
    {
        using var client = api.Client(ApiHost.OwnerToken);
        const string Name = "<script>alert('x')</script> & Co";

        var created = await client.PostJsonAsync("/api/v1/workspaces", JsonSerializer.Serialize(new { name = Name }));

        Assert.Equal(Name, (await created.JsonAsync(HttpStatusCode.Created)).Text("name"));
        Assert.Contains(await api.Directory.WorkspacesOfAsync(api.Owner.UserId), w => w.WorkspaceName == Name);
    }

    private string Resolve(string path) => path.Replace("{ws}", api.WorkspaceId.ToString(), StringComparison.Ordinal)
        .Replace("{owner}", api.Owner.UserId.ToString(), StringComparison.Ordinal);
}
