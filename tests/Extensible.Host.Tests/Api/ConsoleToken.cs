using System.Net;
using System.Text.RegularExpressions;
using Extensible.Admin;

namespace Extensible.Host.Tests.Api;

/// <summary>
/// The console's antiforgery pair for a signed-in person (its cookie and the request token its pages carry), as a
/// browser gets it from any console page. Tokens belong to the person, not to the page or the session.
/// </summary>
public sealed partial record ConsoleToken(string Cookie, string RequestToken)
{
    /// <summary>Opens <paramref name="page"/> with <paramref name="sessionCookie"/> and takes the pair from the answer.</summary>
    public static async Task<ConsoleToken> FetchAsync(HttpClient client, string sessionCookie, string page = "/account/security")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(page, UriKind.Relative));
        request.Headers.Add("Cookie", sessionCookie);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}.");
        return await ReadAsync(response);
    }

    /// <summary>The pair from a console page already fetched (signed in or not): its antiforgery cookie and its request token.</summary>
    public static async Task<ConsoleToken> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var page = response.RequestMessage?.RequestUri?.ToString();
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = MetaToken().Match(html);
        Assert.True(token.Success, $"{page} carries no request-verification-token.");
        return new ConsoleToken(cookie, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Makes <paramref name="request"/> what the console itself sends: session and antiforgery cookies, the token header, its own origin.</summary>
    public HttpRequestMessage Sign(HttpRequestMessage request, string sessionCookie, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Cookie", $"{sessionCookie}; {Cookie}");
        request.Headers.Add(AdminExtensions.AntiforgeryHeader, RequestToken);
        request.Headers.Add("Origin", origin.GetLeftPart(UriPartial.Authority));
        return request;
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
