using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Network.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Testing;
using Extensible.Testing.Images;

namespace Extensible.Plugins.Bluesky.Network.Tests.Publishing;

[Collection(ReferenceNetworkCollection.Name)]
public sealed class posts_are_stored_as_bluesky_records(AtprotoNetwork network)
{
    [Fact]
    public async Task facets_after_an_emoji_point_at_the_bytes_of_their_text()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);
        var fan = await network.CreateAccountAsync("fan");
        var text = $"🎉 Frühlingsmenü ist da, 春のメニュー! #launch https://example.com/spring 👋🏽 @{fan.Handle}";

        var published = await bluesky.PublishAsync(brand, text);

        var expected = new JsonArray(
            Facet(text, "#launch", """{"$type":"app.bsky.richtext.facet#tag","tag":"launch"}"""),
            Facet(text, "https://example.com/spring", """{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/spring"}"""),
            Facet(text, "@" + fan.Handle, $$"""{"$type":"app.bsky.richtext.facet#mention","did":"{{fan.Did}}"}"""));
        var stored = (await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId)).GetProperty("value");
        Assert.Equal(text, stored.GetProperty("text").GetString());
        SameJson.Equal(expected.ToJsonString(), ByPosition(stored.GetProperty("facets")));
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(["#launch", "https://example.com/spring", "@" + fan.Handle], ByPosition(stored.GetProperty("facets")).EnumerateArray().Select(f => Slice(bytes, f)));

        // The AppView indexes the post a moment later and serves the same facets.
        JsonElement? viewed = null;
        await Eventually.HoldsAsync(async () =>
        {
            viewed = await FindPostAsync(account, published.PlatformPostId);
            return viewed is not null;
        }, "the AppView serves the post");
        SameJson.Equal(expected.ToJsonString(), ByPosition(viewed!.Value.GetProperty("record").GetProperty("facets")));
    }

    [Fact]
    public async Task an_image_goes_up_as_a_blob_with_its_alt_text_and_aspect_ratio()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);
        var png = PngFiles.Filled(30, 20, 0x1D, 0x9B, 0xF0);
        var image = new MediaAttachment
        {
            FileName = "menu.png",
            ContentType = "image/png",
            Length = png.Length,
            AltText = "The spring menu: asparagus, ramps and rhubarb 🌱",
            OpenAsync = _ => Task.FromResult<Stream>(new MemoryStream(png)),
        };

        var published = await bluesky.PublishAsync(brand, "Our new menu", media: [image]);

        var embed = (await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId)).GetProperty("value").GetProperty("embed");
        Assert.Equal("app.bsky.embed.images", embed.GetProperty("$type").GetString());
        var stored = Assert.Single(embed.GetProperty("images").EnumerateArray());
        Assert.Equal(image.AltText, stored.GetProperty("alt").GetString());
        SameJson.Equal("""{"width":30,"height":20}""", stored.GetProperty("aspectRatio"));
        var blob = stored.GetProperty("image");
        Assert.Equal("image/png", blob.GetProperty("mimeType").GetString());
        Assert.Equal(png.Length, blob.GetProperty("size").GetInt32());
        var cid = blob.GetProperty("ref").GetProperty("$link").GetString();
        var served = await network.Http.GetByteArrayAsync(new Uri(network.Pds,
            $"/xrpc/com.atproto.sync.getBlob?did={Uri.EscapeDataString(brand.PlatformAccountId)}&cid={cid}"));
        Assert.Equal(png, served);

        JsonElement? viewed = null;
        await Eventually.HoldsAsync(async () =>
        {
            viewed = await FindPostAsync(account, published.PlatformPostId);
            return viewed is not null;
        }, "the AppView serves the post");
        var viewedImage = Assert.Single(viewed!.Value.GetProperty("embed").GetProperty("images").EnumerateArray());
        Assert.Equal(image.AltText, viewedImage.GetProperty("alt").GetString());
    }

    [Fact]
    public async Task a_thread_of_three_is_a_chain_of_replies_under_its_first_post()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);

        var published = await bluesky.PublishAsync(brand, "1/3 What we learned this spring 🧵", ["2/3 Asparagus sells out by noon", "3/3 Rhubarb does not"]);

        Assert.Equal(2, published.ThreadPostIds.Count);
        var uris = new[] { published.PlatformPostId }.Concat(published.ThreadPostIds).ToList();
        var records = new List<JsonElement>();
        foreach (var uri in uris)
        {
            records.Add(await network.Xrpc.GetRecordAsync(network.Pds, uri));
        }

        var root = Ref(records[0]);
        Assert.False(records[0].GetProperty("value").TryGetProperty("reply", out _));
        SameJson.Equal($$"""{"root":{{root}},"parent":{{root}}}""", records[1].GetProperty("value").GetProperty("reply"));
        SameJson.Equal($$"""{"root":{{root}},"parent":{{Ref(records[1])}}}""", records[2].GetProperty("value").GetProperty("reply"));

        // The AppView strings them together as one thread.
        await Eventually.HoldsAsync(async () =>
        {
            JsonElement thread;
            try
            {
                thread = await network.Xrpc.QueryAsync(network.Pds, "app.bsky.feed.getPostThread",
                    $"uri={Uri.EscapeDataString(uris[2])}", account.AccessJwt, network.AppViewProxy);
            }
            catch (XrpcException notYet) when (notYet.Message.Contains("\"NotFound\"", StringComparison.Ordinal))
            {
                return false;
            }

            return thread.GetProperty("thread").TryGetProperty("parent", out var parent)
                && parent.TryGetProperty("post", out var second) && second.GetProperty("uri").GetString() == uris[1]
                && parent.TryGetProperty("parent", out var grandparent) && grandparent.TryGetProperty("post", out var first)
                && first.GetProperty("uri").GetString() == uris[0];
        }, "the AppView shows the third post under the second under the first");
    }

    [Fact]
    public async Task publishing_again_with_the_same_key_writes_nothing_new()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);

        var first = await bluesky.PublishAsync(brand, "Only once, please", ["and its second part"], idempotencyKey: "key-1");
        var again = await bluesky.PublishAsync(brand, "Only once, please", ["and its second part"], idempotencyKey: "key-1");

        Assert.Equal(first.PlatformPostId, again.PlatformPostId);
        Assert.Equal(first.ThreadPostIds, again.ThreadPostIds);
        var listed = await network.Xrpc.QueryAsync(network.Pds, "com.atproto.repo.listRecords",
            $"repo={Uri.EscapeDataString(brand.PlatformAccountId)}&collection=app.bsky.feed.post");
        Assert.Equal(2, listed.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task a_post_is_found_by_its_idempotency_key_until_it_is_deleted()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);
        var published = await bluesky.PublishAsync(brand, "Going away soon", idempotencyKey: "take-down");

        var found = await bluesky.Connector.FindPublishedAsync(brand.Credentials, "take-down", CancellationToken.None);
        Assert.Equal(published.PlatformPostId, found?.PlatformPostId);

        await bluesky.Connector.DeletePostAsync(brand.Credentials, published.PlatformPostId, CancellationToken.None);

        var gone = await Assert.ThrowsAsync<XrpcException>(() => network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId));
        Assert.Contains("RecordNotFound", gone.Message, StringComparison.Ordinal);
        Assert.Null(await bluesky.Connector.FindPublishedAsync(brand.Credentials, "take-down", CancellationToken.None));
    }

    private static JsonObject Facet(string text, string part, string feature)
    {
        var start = Encoding.UTF8.GetByteCount(text[..text.IndexOf(part, StringComparison.Ordinal)]);
        return new JsonObject
        {
            ["index"] = new JsonObject { ["byteStart"] = start, ["byteEnd"] = start + Encoding.UTF8.GetByteCount(part) },
            ["features"] = new JsonArray(JsonNode.Parse(feature)),
        };
    }

    private static JsonElement ByPosition(JsonElement facets) =>
        JsonSerializer.SerializeToElement(facets.EnumerateArray().OrderBy(f => f.GetProperty("index").GetProperty("byteStart").GetInt32()).ToList());

    private static string Slice(byte[] text, JsonElement facet)
    {
        var index = facet.GetProperty("index");
        var start = index.GetProperty("byteStart").GetInt32();
        return Encoding.UTF8.GetString(text, start, index.GetProperty("byteEnd").GetInt32() - start);
    }

    private static string Ref(JsonElement record) =>
        JsonSerializer.Serialize(new { uri = record.GetProperty("uri").GetString(), cid = record.GetProperty("cid").GetString() });

    private async Task<JsonElement?> FindPostAsync(AtprotoAccount account, string uri)
    {
        var posts = await network.Xrpc.QueryAsync(network.Pds, "app.bsky.feed.getPosts", $"uris={Uri.EscapeDataString(uri)}",
            account.AccessJwt, network.AppViewProxy);
        return posts.GetProperty("posts").EnumerateArray().Select(p => (JsonElement?)p).FirstOrDefault();
    }
}
