namespace Extensible.Sdk.Testing.Http;

/// <summary>One scripted answer: for which requests (any, when method and URL are <see langword="null"/>), and what to answer or throw.</summary>
internal sealed record ScriptedResponse(HttpMethod? Method, string? Url, Func<HttpRequestMessage, HttpResponseMessage> Respond)
{
    public bool Matches(HttpRequestMessage request)
    {
        if (Method is not null && request.Method != Method)
        {
            return false;
        }

        if (Url is null || request.RequestUri is not { } uri)
        {
            return Url is null;
        }

        // An absolute URL matches scheme, host and path; a path matches the path only; with a query, the query must match too.
        var target = Url.Contains('?', StringComparison.Ordinal) ? uri.PathAndQuery : uri.AbsolutePath;
        // On Unix "/path" parses as an absolute file: URL, so only an http(s) URL counts as absolute here.
        if (!Url.StartsWith('/') && Uri.TryCreate(Url, UriKind.Absolute, out var absolute))
        {
            var expected = Url.Contains('?', StringComparison.Ordinal) ? absolute.PathAndQuery : absolute.AbsolutePath;
            return string.Equals(absolute.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(absolute.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase)
                && string.Equals(expected, target, StringComparison.Ordinal);
        }

        return string.Equals(Url, target, StringComparison.Ordinal);
    }

    public string Describe() => $"{Method?.Method ?? "any method"} {Url ?? "any URL"}";
}
