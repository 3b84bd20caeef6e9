using System.Net.Http.Headers;
using System.Security.Claims;
using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.Publishing.Media;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Publishing;

/// <summary>The media library's helpers: the service, what is stored, and an API client.</summary>
public partial class PublishingHost
{
    public MediaLibrary Media => Services.GetRequiredService<MediaLibrary>();

    /// <summary>How many media events and blob rows a workspace has: refusals must leave both as they were.</summary>
    public async Task<(long Events, long Blobs)> MediaStoredAsync(Guid workspaceId) =>
    (
        await ScalarAsync<long>("select count(*) from mt_events where tenant_id = $1 and type like 'media_%'", workspaceId.ToString()),
        await ScalarAsync<long>("select count(*) from publishing_media_blobs where workspace_id = $1", workspaceId)
    );

    /// <summary>A client calling the API with a fresh owner token of <paramref name="workspaceId"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(Guid ownerId, Guid workspaceId)
    {
        var token = await People.CreateApiTokenAsync(workspaceId, ownerId, "media tests", Role.Owner, Role.Owner, OwnerEmail);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client that calls as the console does for the owner: a session cookie, the console's antiforgery cookie and
    /// header, its own origin.
    /// </summary>
    public async Task<HttpClient> ConsoleClientAsync()
    {
        var result = await People.SignInAsync(OwnerEmail, Password, "127.0.0.1");
        Assert.True(result.Succeeded, "The owner could not sign in.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var options = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var session = $"{options.Cookie.Name}={options.TicketDataFormat.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme))}";
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };
        var token = await ConsoleToken.FetchAsync(client, session);
        client.DefaultRequestHeaders.Add("Cookie", $"{session}; {token.Cookie}");
        client.DefaultRequestHeaders.Add(Extensible.Admin.AdminExtensions.AntiforgeryHeader, token.RequestToken);
        client.DefaultRequestHeaders.Add("Origin", Host.Address.GetLeftPart(UriPartial.Authority));
        return client;
    }
}
