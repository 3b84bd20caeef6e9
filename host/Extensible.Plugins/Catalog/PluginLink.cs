using System.Text.RegularExpressions;

namespace Extensible.Plugins.Catalog;

/// <summary>A link from a plugin's manifest (home page, documentation, issues).</summary>
/// <param name="Title">What the link is.</param>
/// <param name="Url">An absolute http(s) address, or a page of the server's own documentation (<c>/docs/….md</c>, relative to the server).</param>
public sealed partial record PluginLink(string Title, Uri Url)
{
    /// <summary>
    /// A manifest's link address: absolute http(s), or a path of the documentation the server serves (how bundled plugins
    /// link to their page in <c>docs/</c>, which works offline); anything else is refused.
    /// </summary>
    public static Uri? Parse(string? url) =>
        url is not null && DocsPath().IsMatch(url) ? new Uri(url, UriKind.Relative)
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp) ? absolute
        : null;

    [GeneratedRegex("^/docs/([a-z0-9-]+/)*[a-z0-9-]+\\.md$")]
    private static partial Regex DocsPath();
}
