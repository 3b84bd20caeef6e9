using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Extensible.EventStore;
using Extensible.Host.Tests.Api;
using Extensible.Inbox;
using Extensible.Inbox.Threads;
using Extensible.People;

namespace Extensible.Host.Tests.Inbox.Api;

public sealed class kept_deliveries_are_replayed_or_dismissed(InboxHost host) : IClassFixture<InboxHost>
{
    private static async Task<JsonElement> KeptOfAsync(HttpClient api, Guid accountId, string status = "kept") =>
        Assert.Single((await (await api.GetAsync($"/api/v1/inbox/deliveries?status={status}")).JsonAsync()).GetProperty("deliveries").EnumerateArray(),
            d => d.Text("accountId") == accountId.ToString());

    [Fact]
    public async Task a_malformed_delivery_is_kept_listed_replayed_in_vain_and_dismissed()
    {
        using var admin = await host.ApiAsAsync(Role.Admin);
        using var moderator = await host.ApiAsAsync(Role.Moderator);
        using var elsewhere = await host.ApiOfAnotherWorkspaceAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        var body = $$"""{"account":"{{network}}","items":[<script>alert(1)</script>""";

        Assert.Equal(HttpStatusCode.BadRequest, (await host.DeliverAsync(accountId, body)).StatusCode);

        var kept = await KeptOfAsync(admin, accountId);
        var id = kept.Text("id");
        Assert.Equal(("extensible.sandbox", "The delivery's body is not a sandbox payload.", "kept"), (kept.Text("pluginId"), kept.Text("error"), kept.Text("status")));
        Assert.Equal(Encoding.UTF8.GetByteCount(body), kept.GetProperty("bodyBytes").GetInt32());
        Assert.True((await (await admin.GetAsync("/api/v1/inbox/deliveries")).JsonAsync()).GetProperty("count").GetInt64() >= 1);
        var shown = await (await admin.GetAsync($"/api/v1/inbox/deliveries/{id}")).JsonAsync();
        Assert.Equal((body, "POST"), (shown.Text("body"), shown.Text("method")));

        // The connector still cannot read it: it stays kept, with the error of this attempt.
        var replayed = await (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/replay", null)).JsonAsync();
        Assert.Equal(("kept", 1, "The delivery's body is not a sandbox payload."), (replayed.Text("status"), replayed.GetProperty("replays").GetInt32(), replayed.Text("error")));

        // Operators only, and only their own workspace's.
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/v1/inbox/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync($"/api/v1/inbox/deliveries/{id}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/inbox/deliveries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsync($"/api/v1/inbox/deliveries/{id}/dismiss", null)).StatusCode);

        var dismissed = await (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/dismiss", null)).JsonAsync();
        Assert.Equal("dismissed", dismissed.Text("status"));
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/inbox/deliveries")).JsonAsync()).GetProperty("deliveries").EnumerateArray(), d => d.Text("id") == id);
        Assert.Equal(id, (await KeptOfAsync(admin, accountId, "dismissed")).Text("id"));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/replay", null)).StatusCode);

        var adminId = (await (await admin.GetAsync("/api/v1/me")).JsonAsync()).Text("userId");
        Assert.Equal(2L, await host.ScalarAsync<long>(
            "select count(*) from mt_events where stream_id = $1 and user_name = $2 and type in ('inbox_delivery_replay_failed', 'inbox_delivery_dismissed')",
            InboxStreams.Deliveries(accountId), adminId));
    }

    [Fact]
    public async Task a_delivery_its_connector_could_not_read_then_is_replayed_once_fixed_and_its_items_are_stored_once()
    {
        using var admin = await host.ApiAsAsync(Role.Owner);
        var (_, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        // One of its two items arrived meanwhile by another delivery.
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment("rp1", "Already here", "post-rp")))).StatusCode);

        // Kept as an older connector that could not read it would have kept it: the request whole, signed when it came.
        var body = InboxHost.Body(network, InboxHost.Comment("rp1", "Already here", "post-rp"), InboxHost.Comment("rp2", "Lost, then found", "post-rp"));
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["x-sandbox-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["x-sandbox-signature"] = InboxHost.Sign(InboxHost.DefaultKey, timestamp, bytes),
        };
        await host.Store.AppendAsync(InboxStreams.Deliveries(accountId), ExpectedVersion.Any,
            [new InboxDeliveryFailed(accountId, workspaceId, "extensible.sandbox", "Sandbox 0.9 could not read comments on posts.", body, false, "POST",
                new Dictionary<string, string>(), headers, Convert.ToBase64String(bytes))],
            new EventMetadata { Tenant = workspaceId.ToString(), User = "inbox:webhook" });
        var id = (await KeptOfAsync(admin, accountId)).Text("id");

        var replayed = await (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/replay", null)).JsonAsync();

        Assert.Equal(("replayed", 1), (replayed.Text("status"), replayed.GetProperty("stored").GetInt32()));
        var thread = Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
        var items = (await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items;
        Assert.Equal(["rp1", "rp2"], items.Select(i => i.PlatformItemId));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/inbox/deliveries/{id}/replay", null)).StatusCode);
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/inbox/deliveries")).JsonAsync()).GetProperty("deliveries").EnumerateArray(),
            d => d.Text("accountId") == accountId.ToString());
    }
}
