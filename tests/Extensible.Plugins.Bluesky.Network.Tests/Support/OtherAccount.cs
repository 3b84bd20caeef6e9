using System.Text;
using System.Text.Json;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>What another person does on the network, written straight to the PDS with raw XRPC: reply, mention, like.</summary>
public sealed class OtherAccount(AtprotoNetwork network, AtprotoAccount account)
{
    public AtprotoAccount Account => account;

    /// <summary>Posts <paramref name="text"/>, optionally as a reply; returns the new post's strong reference (uri, cid).</summary>
    public async Task<StrongRef> PostAsync(string text, StrongRef? parent = null, StrongRef? root = null, object[]? facets = null, object? embed = null)
    {
        var record = new Dictionary<string, object>
        {
            ["$type"] = "app.bsky.feed.post",
            ["text"] = text,
            ["createdAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (parent is not null)
        {
            record["reply"] = new { root = root ?? parent, parent };
        }

        if (facets is not null)
        {
            record["facets"] = facets;
        }

        if (embed is not null)
        {
            record["embed"] = embed;
        }

        return StrongRef.From(await network.Xrpc.ProcedureAsync(network.Pds, "com.atproto.repo.createRecord",
            new { repo = account.Did, collection = "app.bsky.feed.post", record }, account.AccessJwt));
    }

    /// <summary>Posts <paramref name="before"/> followed by an @-mention of <paramref name="mentioned"/>, with its facet.</summary>
    public Task<StrongRef> MentionAsync(string before, AtprotoAccount mentioned)
    {
        var mention = "@" + mentioned.Handle;
        var start = Encoding.UTF8.GetByteCount(before);
        var facet = new
        {
            index = new { byteStart = start, byteEnd = start + Encoding.UTF8.GetByteCount(mention) },
            features = new object[] { new Dictionary<string, string> { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = mentioned.Did } },
        };
        return PostAsync(before + mention, facets: [facet]);
    }

    /// <summary>Quotes a post: a new post that embeds it (<c>app.bsky.embed.record</c>).</summary>
    public Task<StrongRef> QuoteAsync(string text, StrongRef quoted) =>
        PostAsync(text, embed: new Dictionary<string, object> { ["$type"] = "app.bsky.embed.record", ["record"] = quoted });

    /// <summary>Likes a post.</summary>
    public async Task LikeAsync(StrongRef subject) =>
        await network.Xrpc.ProcedureAsync(network.Pds, "com.atproto.repo.createRecord", new
        {
            repo = account.Did,
            collection = "app.bsky.feed.like",
            record = new Dictionary<string, object>
            {
                ["$type"] = "app.bsky.feed.like",
                ["subject"] = subject,
                ["createdAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        }, account.AccessJwt);
}

/// <summary>A post's URI and content hash, as reply and like records name it (camel-cased in JSON: uri, cid).</summary>
public sealed record StrongRef(string Uri, string Cid)
{
    public static StrongRef From(JsonElement created) => new(created.GetProperty("uri").GetString()!, created.GetProperty("cid").GetString()!);
}
