using System.Net;

namespace Extensible.Host.Tests.Api;

public sealed class unauthenticated_calls_get_401(ApiHost api) : IClassFixture<ApiHost>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/me" },
        { "GET", "/api/v1/workspaces" },
        { "POST", "/api/v1/workspaces" },
        { "GET", "/api/v1/tokens" },
        { "POST", "/api/v1/tokens" },
        { "GET", "/api/v1/audit" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task without_credentials(string method, string path) => await AssertRefusedAsync(api.Client(), method, path);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task with_an_unknown_token(string method, string path) => await AssertRefusedAsync(api.Client("ext_nope_not-a-real-token-at-all"), method, path);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task with_a_forged_session_cookie(string method, string path) => await AssertRefusedAsync(api.Client(cookie: "ext-session=CfDJ8forged"), method, path);

    [Fact]
    public async Task with_an_oversized_token()
    {
        await AssertRefusedAsync(api.Client("ext_" + new string('x', 5000)), "GET", "/api/v1/me");
    }

    [Fact]
    public async Task with_the_session_of_someone_who_signed_out()
    {
        var person = await api.AddMemberAsync(Extensible.People.Role.Editor);
        var cookie = await api.SessionCookieAsync(person.Email);
        using var client = api.Client(cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        foreach (var session in await SessionsOfAsync(person.UserId))
        {
            await api.People.RevokeSessionAsync(person.UserId, session, person.Email);
        }

        await AssertRefusedAsync(client, "GET", "/api/v1/me");
    }

    private async Task<IEnumerable<Guid>> SessionsOfAsync(Guid userId)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(api.ConnectionString);
        await using var command = dataSource.CreateCommand("select id from people_sessions where user_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = userId });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task AssertRefusedAsync(HttpClient client, string method, string path)
    {
        using (client)
        {
            var response = method == "GET" ? await client.GetAsync(path) : await client.PostJsonAsync(path, "{}");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
