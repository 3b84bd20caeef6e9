using Extensible.Sdk;

namespace Extensible.Plugins.Catalog;

/// <summary>A link from a plugin's manifest (home page, documentation, issues).</summary>
/// <param name="Title">What the link is.</param>
/// <param name="Url">An absolute http(s) address, or a page of the server's own documentation (<c>/docs/….md</c>, relative to the server).</param>
public sealed record PluginLink(string Title, Uri Url)
{
    /// <summary>
    /// A manifest's link address by the SDK's rule (<see cref="ManifestRules.LinkUrl"/>): absolute http(s), or a path of the
    /// documentation the server serves (how bundled plugins link to their page in <c>docs/</c>, which works offline);
    /// anything else is refused.
    /// </summary>
    public static Uri? Parse(string? url) =>
        ManifestRules.LinkUrl(url) is not null ? null
        : ManifestRules.IsDocumentationPage(url) ? new Uri(url!, UriKind.Relative)
        : new Uri(url!, UriKind.Absolute);
}
