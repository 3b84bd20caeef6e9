using System.Text.RegularExpressions;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>A record's address: <c>at://{did}/{collection}/{rkey}</c>, the id of posts and inbox items.</summary>
internal sealed partial record AtUri(string Repo, string Collection, string RecordKey)
{
    /// <summary>The post collection.</summary>
    public const string Post = "app.bsky.feed.post";

    /// <summary>The like collection.</summary>
    public const string Like = "app.bsky.feed.like";

    /// <summary>Reads an id the connector gave out earlier; anything else is refused.</summary>
    public static AtUri Parse(string text)
    {
        var match = Shape().Match(text ?? "");
        return match.Success
            ? new AtUri(match.Groups["repo"].Value, match.Groups["collection"].Value, match.Groups["rkey"].Value)
            : throw PlatformException.Rejected("This is not the address of a Bluesky record (at://did/collection/key).");
    }

    /// <inheritdoc />
    public override string ToString() => $"at://{Repo}/{Collection}/{RecordKey}";

    [GeneratedRegex(@"^at://(?<repo>did:[a-z]+:[a-zA-Z0-9._:%-]+)/(?<collection>[a-zA-Z0-9.-]+)/(?<rkey>[a-zA-Z0-9._:~-]{1,512})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
