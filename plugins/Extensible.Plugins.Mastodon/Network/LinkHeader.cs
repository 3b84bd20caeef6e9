using System.Net.Http.Headers;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>
/// An RFC 8288 <c>Link</c> header as Mastodon pages with it: <c>&lt;…?max_id=9&gt;; rel="next"</c> for older items,
/// <c>&lt;…?min_id=12&gt;; rel="prev"</c> for newer ones.
/// </summary>
/// <param name="Next">The older page, if any.</param>
/// <param name="Prev">The newer page, if any.</param>
internal sealed record LinkHeader(Uri? Next, Uri? Prev)
{
    private const int MaxHeaderLength = 8192;

    /// <summary>The links of an answer; none when it has no (readable) <c>Link</c> header.</summary>
    public static LinkHeader Parse(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return new LinkHeader(null, null);
        }

        Uri? next = null;
        Uri? prev = null;
        foreach (var value in values.Where(v => v.Length <= MaxHeaderLength))
        {
            foreach (var part in value.Split(','))
            {
                var close = part.IndexOf('>', StringComparison.Ordinal);
                var open = part.IndexOf('<', StringComparison.Ordinal);
                if (open < 0 || close <= open || !Uri.TryCreate(part[(open + 1)..close].Trim(), UriKind.Absolute, out var uri))
                {
                    continue;
                }

                var parameters = part[(close + 1)..];
                if (parameters.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase) || parameters.Contains("rel=next", StringComparison.OrdinalIgnoreCase))
                {
                    next = uri;
                }
                else if (parameters.Contains("rel=\"prev\"", StringComparison.OrdinalIgnoreCase) || parameters.Contains("rel=prev", StringComparison.OrdinalIgnoreCase))
                {
                    prev = uri;
                }
            }
        }

        return new LinkHeader(next, prev);
    }

    /// <summary>A query parameter of <paramref name="link"/> (<c>min_id</c>, <c>max_id</c>), or <see langword="null"/>.</summary>
    public static string? Parameter(Uri? link, string name)
    {
        if (link is null)
        {
            return null;
        }

        foreach (var pair in link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
