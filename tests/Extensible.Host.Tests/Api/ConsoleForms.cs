using System.Text.RegularExpressions;

namespace Extensible.Host.Tests.Api;

/// <summary>Posts a console form as a browser would: with the session cookie and the antiforgery token of one of the person's pages.</summary>
public static partial class ConsoleForms
{
    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> (e.g. <c>/settings?handler=Create</c>) as the holder of <paramref name="sessionCookie"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this ApiHost api, string sessionCookie, string path, IReadOnlyDictionary<string, string> fields)
    {
        using var client = api.Client(cookie: sessionCookie);
        using var page = await client.GetAsync(new Uri("/account/security", UriKind.Relative));
        var token = RequestToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))
            : throw new InvalidOperationException("The page set no antiforgery cookie.");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", $"{sessionCookie}; {antiforgery}");
        using var poster = api.Client();
        return await poster.SendAsync(request);
    }

    /// <summary>Whether a console answer is a refusal: 403, or a redirect to the access-denied or sign-in page.</summary>
    public static bool IsRefusal(this HttpResponseMessage response) =>
        (int)response.StatusCode is 401 or 403
        || (response.Headers.Location is { } location && new Uri(new Uri("http://host"), location).AbsolutePath is "/account/denied" or "/account/login");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}
