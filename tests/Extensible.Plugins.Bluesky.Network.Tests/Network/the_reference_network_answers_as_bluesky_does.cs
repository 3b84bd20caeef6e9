using System.Text.Json;
using Extensible.Plugins.Bluesky.Network.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Bluesky.Network.Tests.Network;

/// <summary>
/// Raw XRPC against the reference network, without the connector: what the connector relies on holds here, so a
/// connector test that fails points at the connector.
/// </summary>
[Collection(ReferenceNetworkCollection.Name)]
public sealed class the_reference_network_answers_as_bluesky_does(AtprotoNetwork network)
{
    [Fact]
    public async Task an_app_password_signs_in_as_its_account_by_handle_or_did()
    {
        var brand = await network.CreateAccountAsync("brand");

        foreach (var identifier in new[] { brand.Handle, brand.Did })
        {
            var session = await network.Xrpc.ProcedureAsync(network.Pds, "com.atproto.server.createSession",
                new { identifier, password = brand.AppPassword });

            Assert.Equal(brand.Did, session.GetProperty("did").GetString());
            Assert.Equal(brand.Handle, session.GetProperty("handle").GetString());
            Assert.False(string.IsNullOrEmpty(session.GetProperty("refreshJwt").GetString()));
        }
    }

    [Fact]
    public async Task a_wrong_password_is_refused_with_the_network_s_own_error()
    {
        var brand = await network.CreateAccountAsync("brand");

        var refused = await Assert.ThrowsAsync<XrpcException>(() => network.Xrpc.ProcedureAsync(network.Pds,
            "com.atproto.server.createSession", new { identifier = brand.Handle, password = "not-the-password" }));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("AuthenticationRequired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reply_and_a_mention_reach_list_notifications_with_or_without_the_proxy_header()
    {
        var brand = await network.CreateAccountAsync("brand");
        var fan = new OtherAccount(network, await network.CreateAccountAsync("fan"));
        var post = await new OtherAccount(network, brand).PostAsync("Our spring menu is out");

        await network.IndexedAsync(post.Uri, fan.Account);
        var reply = await fan.PostAsync("Looks great 🌱", parent: post);
        var mention = await fan.MentionAsync("Have you seen this, ", brand);

        foreach (var proxy in new[] { null, network.AppViewProxy })
        {
            var seen = new HashSet<string>();
            await Eventually.HoldsAsync(async () =>
            {
                var page = await network.Xrpc.QueryAsync(network.Pds, "app.bsky.notification.listNotifications", "limit=50", brand.AccessJwt, proxy);
                foreach (var notification in page.GetProperty("notifications").EnumerateArray())
                {
                    seen.Add($"{notification.GetProperty("reason").GetString()} {notification.GetProperty("uri").GetString()}");
                }

                return seen.Contains($"reply {reply.Uri}") && seen.Contains($"mention {mention.Uri}");
            }, $"the AppView lists the reply and the mention (atproto-proxy: {proxy ?? "none"})");
        }
    }

    [Fact]
    public async Task a_record_reads_back_with_the_same_meaning_though_its_keys_come_in_another_order()
    {
        var brand = await network.CreateAccountAsync("brand");
        const string Written = """
            {"createdAt":"2026-01-01T09:00:00.000Z","$type":"app.bsky.feed.post","text":"🎉 #launch",
             "facets":[{"features":[{"tag":"launch","$type":"app.bsky.richtext.facet#tag"}],"index":{"byteEnd":12,"byteStart":5}}]}
            """;

        var created = await network.Xrpc.ProcedureAsync(network.Pds, "com.atproto.repo.createRecord",
            new { repo = brand.Did, collection = "app.bsky.feed.post", record = JsonDocument.Parse(Written).RootElement }, brand.AccessJwt);
        var stored = (await network.Xrpc.GetRecordAsync(network.Pds, created.GetProperty("uri").GetString()!)).GetProperty("value");

        Assert.NotEqual(
            JsonDocument.Parse(Written).RootElement.EnumerateObject().Select(p => p.Name),
            stored.EnumerateObject().Select(p => p.Name));
        SameJson.Equal(Written, stored);
    }
}
