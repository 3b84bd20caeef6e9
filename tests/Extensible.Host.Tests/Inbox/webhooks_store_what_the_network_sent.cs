using System.Net;
using System.Text;
using Extensible.Inbox.Ingestion;
using Extensible.Inbox.Threads;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Host.Tests.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class webhooks_store_what_the_network_sent(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task a_signed_delivery_is_stored_as_a_thread_before_it_is_answered()
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var (_, workspaceId) = await host.OwnerAsync();

        var response = await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment("s1", "Where is my order?", "post-s1"), InboxHost.Comment("s2", "Same here", "post-s1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A 200 means committed and projected: no waiting.
        var thread = Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
        Assert.Equal(2, thread.ItemCount);
        Assert.Equal(InboxStatus.New, thread.Status);
        Assert.Equal("post-s1", thread.PlatformPostId);
        var view = await host.Inbox.ThreadAsync(workspaceId, thread.Id);
        Assert.Equal(["Where is my order?", "Same here"], view!.Items.Select(i => i.Text));
        Assert.All(view.Items, i => Assert.Equal("@ada", i.AuthorHandle));
    }

    [Fact]
    public async Task the_same_item_delivered_again_is_stored_once()
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var body = InboxHost.Body(network, InboxHost.Comment("d1", "Hello twice", "post-d1"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.DeliverAsync(accountId, body)));
        var again = await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment("d1", "Hello twice, edited?", "post-d1")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from mt_events where type = 'inbox_item_received' and data->>'PlatformItemId' = 'd1' and data->>'AccountId' = $1", accountId.ToString()));
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1 and platform_item_id = 'd1'", accountId));
        Assert.Equal(1, await host.ScalarAsync<int>("select item_count from inbox_threads where account_id = $1 and platform_post_id = 'post-d1'", accountId));
    }

    [Fact]
    public async Task a_disconnected_accounts_hook_answers_410_within_the_accounts_freshness_and_stores_nothing_after()
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var (ownerId, workspaceId) = await host.OwnerAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment("g1", "Before", "post-g")))).StatusCode);

        await host.Services.GetRequiredService<AccountService>().DisconnectAsync(workspaceId, accountId, PublishingHost.OwnerEmail, ownerId, CancellationToken.None);

        // The hook keeps the account it read for a few seconds (a busy network sends hundreds of deliveries a second).
        var n = 0;
        HttpStatusCode answer = default;
        await Eventually.HoldsAsync(async () =>
        {
            answer = (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment($"g-after-{++n}", "After", "post-g")))).StatusCode;
            return answer == HttpStatusCode.Gone;
        }, "the hook answers 410", InboxWebhooks.AccountFreshFor * 2);
        var gone = await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment("g-last", "After", "post-g")));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1 and platform_item_id = 'g-last'", accountId));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("unsigned")]
    public async Task a_forged_delivery_is_refused_and_nothing_is_kept(string forgery)
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var body = InboxHost.Body(network, InboxHost.Comment("f1", "I am forged"));

        var response = forgery == "wrong-key"
            ? await host.DeliverAsync(accountId, body, key: "guessed")
            : await host.Host.Client.PostAsync($"/webhooks/extensible.sandbox/{accountId}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1", accountId));
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from mt_events where type = 'inbox_delivery_failed' and data->>'AccountId' = $1", accountId.ToString()));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"account":"","items":[]}""")]
    [InlineData("""{"account":"ACCOUNT","items":[{"id":"m1","kind":"telegram","authorId":"u1","authorHandle":"@x","text":"?","createdAt":"2026-01-01T00:00:00Z"}]}""")]
    public async Task a_genuine_delivery_that_cannot_be_read_is_kept_for_an_operator_and_answered_400(string body)
    {
        var (accountId, network) = await host.SandboxAccountAsync();

        var response = await host.DeliverAsync(accountId, body.Replace("ACCOUNT", network, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1", accountId));
        var kept = await host.ScalarAsync<string>("select data->>'Body' from mt_events where type = 'inbox_delivery_failed' and data->>'AccountId' = $1", accountId.ToString());
        Assert.Equal(body.Replace("ACCOUNT", network, StringComparison.Ordinal), kept);
    }

    [Fact]
    public async Task items_for_another_account_than_the_hooks_are_kept_not_stored()
    {
        var (accountId, _) = await host.SandboxAccountAsync();

        var response = await host.DeliverAsync(accountId, InboxHost.Body("sbx-someone-else", InboxHost.Comment("o1", "Not yours")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1", accountId));
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from mt_events where type = 'inbox_delivery_failed' and data->>'AccountId' = $1", accountId.ToString()));
    }

    [Fact]
    public async Task an_oversized_body_is_refused_unread()
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var huge = InboxHost.Body(network, InboxHost.Comment("h1", new string('x', 1024 * 1024 + 10)));

        var response = await host.DeliverAsync(accountId, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from inbox_items where account_id = $1", accountId));
    }

    [Fact]
    public async Task a_hook_that_is_not_there_says_so_the_same_way_for_every_reason()
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        var body = InboxHost.Body(network, InboxHost.Comment("n1", "Hi"));

        var unknownAccount = await host.DeliverAsync(Guid.NewGuid(), body);
        var otherPlugin = await host.DeliverAsync(accountId, body, plugin: "acme.other");

        Assert.Equal(HttpStatusCode.NotFound, unknownAccount.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPlugin.StatusCode);
        Assert.Equal(await unknownAccount.Content.ReadAsStringAsync(), await otherPlugin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_subscription_handshake_is_answered_with_its_challenge()
    {
        var (accountId, _) = await host.SandboxAccountAsync();

        var right = await host.Host.Client.GetAsync($"/webhooks/extensible.sandbox/{accountId}?hub.mode=subscribe&hub.verify_token={InboxHost.DefaultKey}&hub.challenge=c-4711");
        var wrong = await host.Host.Client.GetAsync($"/webhooks/extensible.sandbox/{accountId}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=c-4711");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("c-4711", await right.Content.ReadAsStringAsync());
        // The echoed challenge is text to every browser: the route runs past the console's headers, so it says so itself.
        Assert.Equal("text/plain", right.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", right.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}
