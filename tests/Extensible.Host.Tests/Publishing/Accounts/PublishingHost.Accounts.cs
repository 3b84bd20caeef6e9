using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Testing.Plugins.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Publishing;

// Connected accounts: the services, connecting sandbox accounts, the fake OAuth and token networks, and callers of the API and console.
public partial class PublishingHost
{
    public const string SandboxPluginId = "extensible.sandbox";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public AccountService Accounts => Services.GetRequiredService<AccountService>();

    public AccountDirectory AccountDirectory => Services.GetRequiredService<AccountDirectory>();

    public AccountVault Vault => Services.GetRequiredService<AccountVault>();

    /// <summary>Connects a sandbox account to the owner's workspace, as the owner; returns its id.</summary>
    public async Task<Guid> ConnectSandboxAsync()
    {
        var (ownerId, workspaceId) = await OwnerAsync();
        return await Accounts.ConnectWithoutCredentialsAsync(workspaceId, SandboxPluginId, "sandbox", OwnerEmail, ownerId, CancellationToken.None);
    }

    /// <summary>Installs the fake OAuth and token networks once per host, and sets their settings.</summary>
    public async Task FakeNetworksAsync(int expiresInSeconds = 3600, bool refreshFails = false, string? authorizeUrl = null)
    {
        await Installing.WaitAsync();
        try
        {
            if (Services.GetRequiredService<IPluginCatalog>().Find(FakeNetworksPlugin.Id) is null)
            {
                await Services.GetRequiredService<IPluginAdministration>().InstallAsync(new MemoryStream(FakeNetworksPlugin.Build().Archive()), "tests");
            }
        }
        finally
        {
            Installing.Release();
        }

        var saved = await Services.GetRequiredService<IPluginAdministration>().SaveSettingsAsync(FakeNetworksPlugin.Id, new Dictionary<string, string?>
        {
            ["AuthorizeUrl"] = authorizeUrl ?? "https://oauthnet.invalid/authorize",
            ["ExpiresInSeconds"] = expiresInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RefreshFails"] = refreshFails ? "true" : "false",
        }, "tests");
        Assert.True(saved.Saved, "The fake networks' settings were refused.");
        await Eventually.HoldsAsync(() => Vault.FindConnector(FakeNetworksPlugin.Id, FakeNetworksPlugin.OAuthKey) is not null, "the fake networks run");
    }

    /// <summary>An API client acting as the owner in the owner's workspace (a Bearer token).</summary>
    public async Task<HttpClient> OwnerApiAsync()
    {
        var (ownerId, workspaceId) = await OwnerAsync();
        var token = await People.CreateApiTokenAsync(workspaceId, ownerId, "tests", Role.Owner, Role.Owner, OwnerEmail);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that never follows redirects and keeps no cookies of its own.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };

    /// <summary>A console session cookie of <paramref name="email"/>, as signing in makes one.</summary>
    public async Task<string> SessionCookieAsync(string email = OwnerEmail, string password = Password)
    {
        var result = await People.SignInAsync(email, password, "127.0.0.1");
        Assert.True(result.Succeeded, $"{email} could not sign in.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var options = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>Starts an OAuth connect through the API as the owner; returns the network's authorization URL.</summary>
    public static async Task<Uri> StartOAuthAsync(HttpClient api, Guid? reconnect = null)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/accounts/connect/start",
            new { pluginId = FakeNetworksPlugin.Id, platformKey = FakeNetworksPlugin.OAuthKey, reconnectAccountId = reconnect });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("oauth2_pkce", body.GetProperty("auth").GetString());
        return new Uri(body.GetProperty("authorizationUrl").GetString()!);
    }

    /// <summary>Follows a callback URI in the console as the holder of <paramref name="cookie"/>.</summary>
    public async Task<HttpResponseMessage> CallbackAsync(Uri callback, string cookie)
    {
        using var client = Client();
        var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Connects <paramref name="login"/> on the fake OAuth network as the owner, through the API and the callback.</summary>
    public async Task<(Guid WorkspaceId, Guid AccountId)> ConnectFakeOAuthAsync(string login)
    {
        using var api = await OwnerApiAsync();
        using (var answer = await CallbackAsync(FakeNetworksPlugin.Authorize(await StartOAuthAsync(api), login), await SessionCookieAsync()))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        }

        var (_, workspaceId) = await OwnerAsync();
        return (workspaceId, Assert.Single(await AccountDirectory.ListAsync(workspaceId), a => a.Handle == "@" + login).Id);
    }

    /// <summary>The data of the stored events of one type, as JSON.</summary>
    public Task<IReadOnlyList<string>> EventsAsync(string type) => Host.StoredEventsAsync(type);
}
