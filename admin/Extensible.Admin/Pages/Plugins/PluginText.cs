using System.Globalization;
using Extensible.Plugins.Catalog;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>How the Plugins room words a plugin's state, origin, capabilities and call statistics.</summary>
public static class PluginText
{
    /// <summary><c>running</c>, <c>disabled</c> or <c>failed</c>: the state badge's text and its CSS hook.</summary>
    public static string State(PluginState state) => state switch
    {
        PluginState.Running => "running",
        PluginState.Disabled => "disabled",
        _ => "failed",
    };

    /// <summary><c>bundled</c> or <c>installed</c>.</summary>
    public static string Origin(PluginOrigin origin) => origin == PluginOrigin.Bundled ? "bundled" : "installed";

    /// <summary><c>closed</c>, <c>open</c> or <c>half-open</c>.</summary>
    public static string Breaker(BreakerState breaker) => breaker switch
    {
        BreakerState.Closed => "closed",
        BreakerState.Open => "open",
        _ => "half-open",
    };

    /// <summary>A capability kind in words: <c>content-rule</c> reads "Content rule".</summary>
    public static string Kind(string kind)
    {
        var words = kind.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The 95th percentile of call durations: "—" before the first call, milliseconds below ten seconds.</summary>
    public static string P95(TimeSpan p95) =>
        p95 <= TimeSpan.Zero ? "—"
        : p95 < TimeSpan.FromSeconds(10) ? $"{p95.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms"
        : $"{p95.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The manifest's links that are plain web addresses or pages of the server's documentation; anything else
    /// (<c>javascript:</c>, <c>file:</c>) is left out.
    /// </summary>
    public static IEnumerable<PluginLink> WebLinks(PluginSummary plugin) =>
        plugin.Links.Where(link => PluginLink.Parse(link.Url.OriginalString) is not null);
}
