using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.Inbox.Threads;
using Extensible.People;

namespace Extensible.Host.Tests.Inbox;

public sealed class moderators_like_items_on_the_network(InboxHost host) : IClassFixture<InboxHost>
{
    private async Task<(Guid WorkspaceId, string Network, InboxThreadRow Thread)> ThreadAsync(string itemId, string kind = "comment")
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        var item = kind == "comment"
            ? InboxHost.Comment(itemId, "Love this!", "post-" + itemId)
            : new { id = itemId, kind, authorId = "u-bo", authorHandle = "@bo", text = "Psst", createdAt = DateTimeOffset.UtcNow, conversationId = "dm-" + itemId };
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, item))).StatusCode);
        return (workspaceId, network, Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads));
    }

    private async Task<HttpClient> ClientAsync(Role role = Role.Owner)
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var token = await host.People.CreateApiTokenAsync(workspaceId, ownerId, $"likes {role}", role, Role.Owner, PublishingHostOwner);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private const string PublishingHostOwner = Publishing.PublishingHost.OwnerEmail;

    // What the sandbox network received for the item: whether it likes it now and how many calls reached it (null: none).
    private async Task<(bool Liked, int Calls)?> AtTheNetworkAsync(string network, string itemId)
    {
        var stored = await host.ScalarAsync<string>("select value from plugin_store where key = $1", $"like:{network}:{itemId}");
        if (stored is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(stored);
        return (json.RootElement.GetProperty("liked").GetBoolean(), json.RootElement.GetProperty("calls").GetInt32());
    }

    private Task<long> LikeEventsAsync(Guid threadId) =>
        host.ScalarAsync<long>("select count(*) from mt_events where stream_id = $1 and type in ('inbox_item_liked', 'inbox_item_unliked')", $"inbox-thread-{threadId}");

    [Fact]
    public async Task a_like_reaches_the_network_once_and_unliking_takes_it_back()
    {
        var (workspaceId, network, thread) = await ThreadAsync("lk1");
        using var client = await ClientAsync();

        var liked = await (await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/lk1/like?version={thread.Version}", UriKind.Relative), null)).JsonAsync();

        Assert.True(liked.GetProperty("liked").GetBoolean());
        Assert.Equal(thread.Version + 1, liked.GetProperty("version").GetInt64());
        Assert.Equal((true, 1), await AtTheNetworkAsync(network, "lk1"));
        Assert.True(Assert.Single((await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items).Liked);

        var unliked = await (await client.DeleteAsync($"/api/v1/inbox/threads/{thread.Id}/items/lk1/like")).JsonAsync();

        Assert.False(unliked.GetProperty("liked").GetBoolean());
        Assert.Equal((false, 2), await AtTheNetworkAsync(network, "lk1"));
        Assert.False(Assert.Single((await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items).Liked);
        Assert.Equal(2, await LikeEventsAsync(thread.Id));
    }

    [Fact]
    public async Task a_like_the_network_refuses_shows_its_message_and_records_nothing()
    {
        var (workspaceId, network, thread) = await ThreadAsync("lk2", kind: "direct_message");
        using var client = await ClientAsync();

        var response = await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/lk2/like", UriKind.Relative), null);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Direct messages cannot be liked on the sandbox.", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Null(await AtTheNetworkAsync(network, "lk2"));
        Assert.Equal(0, await LikeEventsAsync(thread.Id));
        var now = await host.Inbox.ThreadAsync(workspaceId, thread.Id);
        Assert.False(Assert.Single(now!.Items).Liked);
        Assert.Equal(thread.Version, now.Thread.Version);
    }

    [Fact]
    public async Task the_console_shows_the_networks_refusal_in_the_thread_and_records_nothing()
    {
        var (_, network, thread) = await ThreadAsync("lk5", kind: "direct_message");
        using var console = await host.ConsoleClientAsync();

        var response = await console.PostAsync(new Uri("/inbox?handler=Like", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = thread.Id.ToString(), ["version"] = thread.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["item"] = "lk5", ["liked"] = "true",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Direct messages cannot be liked on the sandbox.", html, StringComparison.Ordinal);
        Assert.Null(await AtTheNetworkAsync(network, "lk5"));
        Assert.Equal(0, await LikeEventsAsync(thread.Id));
    }

    [Fact]
    public async Task an_analyst_may_not_like()
    {
        var (_, network, thread) = await ThreadAsync("lk3");
        using var client = await ClientAsync(Role.Analyst);

        var response = await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/lk3/like", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await AtTheNetworkAsync(network, "lk3"));
        Assert.Equal(0, await LikeEventsAsync(thread.Id));
    }

    [Fact]
    public async Task a_like_on_a_thread_that_moved_on_is_refused_and_reaches_no_network()
    {
        var (_, network, thread) = await ThreadAsync("lk4");
        using var client = await ClientAsync();
        await (await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/lk4/like", UriKind.Relative), null)).JsonAsync();

        var stale = await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/lk4/like?version={thread.Version}", UriKind.Relative), null);
        var missing = await client.PostAsync(new Uri($"/api/v1/inbox/threads/{thread.Id}/items/nothing-here/like", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((true, 1), await AtTheNetworkAsync(network, "lk4"));
    }
}
