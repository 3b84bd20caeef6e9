using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>
/// The link card (<c>app.bsky.embed.external</c>) of a post's first link. The connector does not fetch the page (a
/// server reaching arbitrary addresses on a post's say-so is a risk): the card is titled with the link's address.
/// </summary>
internal static class LinkCard
{
    /// <summary>The card for <paramref name="link"/>.</summary>
    public static JsonObject For(string link)
    {
        var uri = new Uri(link);
        var title = (uri.Host + uri.PathAndQuery).TrimEnd('/');
        return new JsonObject
        {
            ["$type"] = "app.bsky.embed.external",
            ["external"] = new JsonObject { ["uri"] = link, ["title"] = title.Length > 300 ? title[..300] : title, ["description"] = "" },
        };
    }
}
