using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Plugins.Accounts;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class accounts_connect_through_the_api_and_console(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task three_sandbox_accounts_connect_through_the_api_and_are_listed_connected()
    {
        using var api = await host.OwnerApiAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/accounts", new { pluginId = PublishingHost.SandboxPluginId, platformKey = "sandbox" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var account = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("connected", account.GetProperty("health").GetString());
            ids.Add(account.GetProperty("id").GetGuid());
        }

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts");
        var listed = list.EnumerateArray().Where(a => a.GetProperty("platformKey").GetString() == "sandbox").Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Superset(ids.ToHashSet(), listed.ToHashSet());
        Assert.Equal(3, ids.Distinct().Count());
        Assert.DoesNotContain("token", list.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task an_oauth_account_connects_through_the_consoles_callback_with_pkce()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        var authorization = await PublishingHost.StartOAuthAsync(api);
        Assert.Equal("https", authorization.Scheme);
        Assert.Equal("S256", System.Web.HttpUtility.ParseQueryString(authorization.Query)["code_challenge_method"]);

        using var answer = await host.CallbackAsync(FakeNetworksPlugin.Authorize(authorization, "console-carla"), await host.SessionCookieAsync());

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/accounts", answer.Headers.Location!.OriginalString);
        var (_, workspaceId) = await host.OwnerAsync();
        var account = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@console-carla");
        Assert.Equal(AccountHealth.Connected, account.Health);
        Assert.Equal(FakeNetworksPlugin.Id, account.PluginId);
        Assert.Equal("https://oauthnet.invalid/avatars/console-carla.png", account.SafeAvatarUrl?.AbsoluteUri);
    }

    [Fact]
    public async Task a_state_works_once_only_for_its_person_and_not_when_forged_or_expired()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        var cookie = await host.SessionCookieAsync();
        var before = await host.Host.StoredEventCountAsync();

        // Forged: a state the host never gave.
        var forged = FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "forger", state: "forged-state-value");
        using (var answer = await host.CallbackAsync(forged, cookie))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("not valid any more", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Reused: the first use connects, the second is refused.
        var callback = FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "once-olga");
        using (var first = await host.CallbackAsync(callback, cookie))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var again = await host.CallbackAsync(callback, cookie))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        // Expired: ten minutes went by (the row's deadline passed).
        var late = FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "late-lars");
        await host.ScalarAsync<int>("update publishing_connect_states set expires_at = now() - interval '1 second'");
        using (var answer = await host.CallbackAsync(late, cookie))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        // Someone else's: another person of the workspace cannot finish the owner's connect.
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        var secret = await host.People.InviteAsync(workspaceId, adminEmail, Extensible.People.Role.Admin, Extensible.People.Role.Owner, PublishingHost.OwnerEmail);
        await host.People.AcceptInvitationAsync(secret, "Ada Admin", PublishingHost.Password);
        var stolen = FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "stolen-sam");
        using (var answer = await host.CallbackAsync(stolen, await host.SessionCookieAsync(adminEmail)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        var handles = (await host.AccountDirectory.ListAsync(workspaceId)).Select(a => a.Handle).ToList();
        Assert.Contains("@once-olga", handles);
        Assert.DoesNotContain("@forger", handles);
        Assert.DoesNotContain("@late-lars", handles);
        Assert.DoesNotContain("@stolen-sam", handles);
        Assert.Single(await host.EventsAsync("account_connected"), e => e.Contains("once-olga", StringComparison.Ordinal));
        _ = ownerId;
        _ = before;
    }

    [Fact]
    public async Task the_same_network_account_connected_again_is_a_reconnect_of_the_same_account()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        var cookie = await host.SessionCookieAsync();
        using (await host.CallbackAsync(FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "twice-tom"), cookie))
        {
        }

        var (_, workspaceId) = await host.OwnerAsync();
        var first = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@twice-tom");
        await host.Vault.ReportNeedsReconnectAsync(workspaceId, first.Id, "The token was revoked.", CancellationToken.None);

        using (var answer = await host.CallbackAsync(FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api, reconnect: first.Id), "twice-tom"), cookie))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var again = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@twice-tom");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(AccountHealth.Connected, again.Health);
        Assert.Contains(await host.EventsAsync("account_reconnected"), e => e.Contains(first.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task credentials_are_encrypted_at_rest_and_never_in_answers()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        using (await host.CallbackAsync(FakeNetworksPlugin.Authorize(await PublishingHost.StartOAuthAsync(api), "secret-sue"), await host.SessionCookieAsync()))
        {
        }

        var (_, workspaceId) = await host.OwnerAsync();
        var account = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@secret-sue");
        var access = await host.Vault.OpenAsync(workspaceId, account.Id, CancellationToken.None);
        var accessToken = access!.Credentials!.Require("access_token");
        var refreshToken = access.Credentials.Require("refresh_token");
        Assert.StartsWith("at-", accessToken, StringComparison.Ordinal);

        var row = await host.ScalarAsync<string>("select protected_credentials from publishing_accounts where id = $1", account.Id);
        var events = string.Join('\n', await host.EventsAsync("account_connected"));
        var answer = await api.GetStringAsync($"/api/v1/accounts/{account.Id}");
        foreach (var secret in new[] { accessToken, refreshToken })
        {
            Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, events, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, answer, StringComparison.Ordinal);
        }

        Assert.False(string.IsNullOrEmpty(row));
    }

    [Fact]
    public async Task app_credentials_set_by_an_admin_reach_the_connector_and_are_never_shown()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        using (var set = await api.PutAsJsonAsync($"/api/v1/accounts/apps/{FakeNetworksPlugin.OAuthKey}", new { clientId = "acme-client", clientSecret = "acme-secret-4711" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        var apps = await api.GetStringAsync("/api/v1/accounts/apps");
        Assert.Contains("\"isSet\":true", apps, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-secret-4711", apps, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-secret-4711", string.Join('\n', await host.EventsAsync("network_app_credentials_changed")), StringComparison.Ordinal);

        var authorization = await PublishingHost.StartOAuthAsync(api);
        Assert.Equal("acme-client", System.Web.HttpUtility.ParseQueryString(authorization.Query)["client_id"]);
        using (await host.CallbackAsync(FakeNetworksPlugin.Authorize(authorization, "agency-ann"), await host.SessionCookieAsync()))
        {
        }

        var (_, workspaceId) = await host.OwnerAsync();
        var account = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@agency-ann");
        var access = await host.Vault.OpenAsync(workspaceId, account.Id, CancellationToken.None);
        Assert.Equal("acme-client", access!.Credentials!.Require("client_id"));
        Assert.Equal("acme-secret-4711", access.Credentials.Require("client_secret"));

        using (var removed = await api.DeleteAsync($"/api/v1/accounts/apps/{FakeNetworksPlugin.OAuthKey}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal(FakeNetworksPlugin.ServerClientId, System.Web.HttpUtility.ParseQueryString((await PublishingHost.StartOAuthAsync(api)).Query)["client_id"]);
    }

    [Fact]
    public async Task a_token_network_takes_its_fields_and_refuses_a_wrong_token_storing_nothing()
    {
        await host.FakeNetworksAsync();
        using var api = await host.OwnerApiAsync();
        using (var start = await api.PostAsJsonAsync("/api/v1/accounts/connect/start", new { pluginId = FakeNetworksPlugin.Id, platformKey = FakeNetworksPlugin.TokenKey }))
        {
            var body = await start.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("token", body.GetProperty("auth").GetString());
            Assert.Equal(["server", "token"], body.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.True(body.GetProperty("fields")[1].GetProperty("isSecret").GetBoolean());
            Assert.True(body.GetProperty("fields")[0].GetProperty("isOptional").GetBoolean());
            Assert.False(body.GetProperty("fields")[1].GetProperty("isOptional").GetBoolean());
            Assert.Equal("Empty for social.example.", body.GetProperty("fields")[0].GetProperty("help").GetString());
        }

        var before = await host.Host.StoredEventCountAsync();
        using (var wrong = await api.PostAsJsonAsync("/api/v1/accounts", new
        {
            pluginId = FakeNetworksPlugin.Id, platformKey = FakeNetworksPlugin.TokenKey, fields = new Dictionary<string, string> { ["server"] = "social.example", ["token"] = "wrong-token" },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("The access token was refused.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await api.PostAsJsonAsync("/api/v1/accounts", new
        {
            pluginId = FakeNetworksPlugin.Id, platformKey = FakeNetworksPlugin.TokenKey, fields = new Dictionary<string, string> { ["server"] = "social.example" },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("Access token", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await host.Host.StoredEventCountAsync());
        using var good = await api.PostAsJsonAsync("/api/v1/accounts", new
        {
            pluginId = FakeNetworksPlugin.Id, platformKey = FakeNetworksPlugin.TokenKey,
            // The optional server left empty: the connector gets no "server" field and uses its default.
            fields = new Dictionary<string, string> { ["server"] = "", ["token"] = FakeNetworksPlugin.GoodToken },
        });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var text = await good.Content.ReadAsStringAsync();
        Assert.Contains("@brand@social.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeNetworksPlugin.GoodToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeNetworksPlugin.GoodToken, string.Join('\n', await host.EventsAsync("account_connected")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pluginId":"","platformKey":"sandbox"}""", "pluginId")]
    [InlineData("""{"pluginId":"extensible.sandbox"}""", "platformKey")]
    [InlineData("""{"pluginId":"no.such.plugin","platformKey":"sandbox"}""", "platformKey")]
    [InlineData("""{"pluginId":"extensible.sandbox","platformKey":"sandbox","fields":{"password":"x"}}""", "password")]
    [InlineData("""{"pluginId":"extensible.sandbox","platformKey":"sandbox","surprise":1}""", "")]
    [InlineData("""{"pluginId":"extensible.sandbox","platformKey":"sandbox","reconnectAccountId":"6f1c1a52-0000-0000-0000-000000000000"}""", "")]
    public async Task bad_input_is_refused_with_a_clear_problem_and_stores_nothing(string json, string field)
    {
        using var api = await host.OwnerApiAsync();
        var before = await host.Host.StoredEventCountAsync();
        using var response = await api.PostAsync("/api/v1/accounts", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{response.StatusCode}: {body}");
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        if (field.Length > 0)
        {
            Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await host.Host.StoredEventCountAsync());
    }
}
