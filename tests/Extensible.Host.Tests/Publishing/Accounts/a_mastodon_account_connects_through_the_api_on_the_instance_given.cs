using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Networks.Mastodon;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class a_mastodon_account_connects_through_the_api_on_the_instance_given(MastodonPublishingHost host) : IClassFixture<MastodonPublishingHost>
{
    private const string PluginId = "extensible.mastodon";

    [Fact]
    public async Task starting_without_the_instance_asks_for_it_and_stores_nothing()
    {
        using var api = await host.OwnerApiAsync();
        var before = await host.Host.StoredEventCountAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/accounts/connect/start", new { pluginId = PluginId, platformKey = "mastodon" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("oauth2_pkce", body.GetProperty("auth").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("authorizationUrl").ValueKind);
        Assert.Equal("instance", Assert.Single(body.GetProperty("fields").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(before, await host.Host.StoredEventCountAsync());
    }

    [Theory]
    [InlineData("", "Enter the Instance (like mastodon.social).")]
    [InlineData("http://mastodon.example", "The instance must be reached over https (http only for a test instance on this machine).")]
    public async Task an_instance_that_is_missing_or_unsafe_is_refused_with_a_reason(string instance, string reason)
    {
        using var api = await host.OwnerApiAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/accounts/connect/start",
            new { pluginId = PluginId, platformKey = "mastodon", fields = new Dictionary<string, string> { ["instance"] = instance } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_instance_given_is_where_the_person_signs_in_and_the_account_is_connected()
    {
        await using var instance = await FakeMastodon.StartAsync();
        using var api = await host.OwnerApiAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/accounts/connect/start",
            new { pluginId = PluginId, platformKey = "mastodon", fields = new Dictionary<string, string> { ["instance"] = instance.Origin } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var authorization = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationUrl").GetString()!);
        using var answer = await host.CallbackAsync(await MastodonSignIn.AuthorizeAsync(instance, authorization), await host.SessionCookieAsync());

        Assert.Equal(instance.Address.Authority, authorization.Authority);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var (_, workspaceId) = await host.OwnerAsync();
        var account = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.PlatformKey == "mastodon");
        Assert.Equal(("@brand@fake.mastodon.test", AccountHealth.Connected), (account.Handle, account.Health));
        Assert.Single(instance.RegisteredApps);
    }
}
