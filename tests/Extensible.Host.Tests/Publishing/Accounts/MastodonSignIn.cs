using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extensible.Testing.Networks.Mastodon;

namespace Extensible.Host.Tests.Publishing.Accounts;

/// <summary>Connecting a Mastodon account through the API, as a person does it with a browser on the instance.</summary>
internal static class MastodonSignIn
{
    /// <summary>Starts connecting on <paramref name="instance"/>, authorizes there and follows the way back; returns the host's answer.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(PublishingHost host, HttpClient api, FakeMastodon instance)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/accounts/connect/start",
            new { pluginId = "extensible.mastodon", platformKey = "mastodon", fields = new Dictionary<string, string> { ["instance"] = instance.Origin } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var authorization = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationUrl").GetString()!);
        return await host.CallbackAsync(await AuthorizeAsync(instance, authorization), await host.SessionCookieAsync());
    }

    /// <summary>The person on the instance's authorization page presses Authorize; the instance answers with the way back.</summary>
    public static async Task<Uri> AuthorizeAsync(FakeMastodon instance, Uri authorization)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var page = await browser.GetStringAsync(authorization);
        var fields = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var pressed = await browser.PostAsync(new Uri(instance.Address, "/oauth/authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        return pressed.Headers.Location!;
    }
}
