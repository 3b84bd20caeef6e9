using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>A record's address and content hash (<c>com.atproto.repo.strongRef</c>), as replies and likes point at posts.</summary>
internal sealed record StrongRef(string Uri, string Cid)
{
    /// <summary>The JSON the lexicon wants.</summary>
    public JsonObject ToJson() => new() { ["uri"] = Uri, ["cid"] = Cid };
}
