namespace Extensible.Host.Tests.Api;

/// <summary>Posts a console form as a browser would: with the session cookie and the person's antiforgery token.</summary>
public static class ConsoleForms
{
    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> (e.g. <c>/settings?handler=Create</c>) as the holder of <paramref name="sessionCookie"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this ApiHost api, string sessionCookie, string path, IReadOnlyDictionary<string, string> fields)
    {
        using var client = api.Client();
        var token = await ConsoleToken.FetchAsync(client, sessionCookie);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.RequestToken }),
        };
        request.Headers.Add("Cookie", $"{sessionCookie}; {token.Cookie}");
        return await client.SendAsync(request);
    }

    /// <summary>Whether a console answer is a refusal: 403, or a redirect to the access-denied or sign-in page.</summary>
    public static bool IsRefusal(this HttpResponseMessage response) =>
        (int)response.StatusCode is 401 or 403
        || (response.Headers.Location is { } location && new Uri(new Uri("http://host"), location).AbsolutePath is "/account/denied" or "/account/login");
}
