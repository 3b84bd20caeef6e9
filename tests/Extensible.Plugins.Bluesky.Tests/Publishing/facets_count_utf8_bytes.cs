using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Publishing;

public sealed class facets_count_utf8_bytes
{
    [Fact]
    public async Task links_mentions_and_hashtags_after_an_emoji_get_their_exact_byte_ranges()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        // 👋🏽 is two code points of 4 bytes each; @nobody.test resolves to no one and stays text.
        await world.Connector.PublishAsync(
            BlueskyWorld.Post(account, "k", "👋🏽 Hi @stranger.test see https://example.com/x. #tag @nobody.test"), CancellationToken.None);

        var facets = Facets(world);
        Assert.Equal(
        [
            (12, 26, "app.bsky.richtext.facet#mention", world.StrangerDid),
            (31, 52, "app.bsky.richtext.facet#link", "https://example.com/x"),
            (54, 58, "app.bsky.richtext.facet#tag", "tag"),
        ], facets);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task japanese_text_and_combining_marks_are_measured_in_bytes_not_characters()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        // こんにちは: 5 characters, 15 bytes. "Cafe\u0301" ends with a combining accent (2 bytes); ï is 2 bytes.
        await world.Connector.PublishAsync(BlueskyWorld.Post(account, "jp", "こんにちは #東京 @stranger.test"), CancellationToken.None);
        await world.Connector.PublishAsync(BlueskyWorld.Post(account, "fr", "Cafe\u0301 #naïve!"), CancellationToken.None);

        var posts = world.Pds.Records("app.bsky.feed.post");
        Assert.Equal(
        [
            (16, 23, "app.bsky.richtext.facet#tag", "東京"),
            (24, 38, "app.bsky.richtext.facet#mention", world.StrangerDid),
        ], Facets(posts[0].Value));
        Assert.Equal([(7, 14, "app.bsky.richtext.facet#tag", "naïve")], Facets(posts[1].Value));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task languages_and_the_creation_time_are_part_of_the_record()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        await world.Connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "langs",
            Content = new PostContent { Kind = ContentKinds.Text, Text = "Bonjour", Options = new Dictionary<string, string> { ["langs"] = "fr, en" } },
        }, CancellationToken.None);

        var record = world.Pds.Records("app.bsky.feed.post").Single().Value;
        Assert.Equal("app.bsky.feed.post", record["$type"]!.GetValue<string>());
        Assert.Equal(["fr", "en"], record["langs"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("2026-01-01T09:00:00.000Z", record["createdAt"]!.GetValue<string>());
        Assert.Null(record["facets"]);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task the_limit_is_300_graphemes_not_300_characters()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var thumbs = string.Concat(Enumerable.Repeat("👍🏽", 300));

        var accepted = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "emoji", thumbs), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(BlueskyWorld.Post(account, "long", new string('a', 301)), CancellationToken.None));

        Assert.Equal(1200, thumbs.Length);
        Assert.NotNull(accepted.Url);
        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Contains("300", refused.PlatformMessage, StringComparison.Ordinal);
        Assert.Single(world.Pds.Records("app.bsky.feed.post"));
        world.Pds.AssertNoViolations();
    }

    private static List<(int, int, string, string)> Facets(BlueskyWorld world) => Facets(world.Pds.Records("app.bsky.feed.post").Single().Value);

    private static List<(int, int, string, string)> Facets(JsonObject record) =>
    [
        .. record["facets"]!.AsArray().Select(f =>
        {
            var feature = f!["features"]![0]!;
            var type = feature["$type"]!.GetValue<string>();
            var value = (feature["did"] ?? feature["uri"] ?? feature["tag"])!.GetValue<string>();
            return (f["index"]!["byteStart"]!.GetValue<int>(), f["index"]!["byteEnd"]!.GetValue<int>(), type, value);
        }),
    ];
}
