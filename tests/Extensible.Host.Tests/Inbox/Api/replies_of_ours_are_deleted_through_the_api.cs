using System.Net;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.People;

namespace Extensible.Host.Tests.Inbox.Api;

public sealed class replies_of_ours_are_deleted_through_the_api(InboxHost host) : IClassFixture<InboxHost>
{
    // A fresh comment thread with a reply sent through the API; answers the thread's id and the reply's answer.
    private async Task<(string ThreadId, JsonElement Reply)> RepliedAsync(HttpClient api, string itemId)
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment(itemId, "Any news?", "post-" + itemId)))).StatusCode);
        var thread = Assert.Single((await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}")).JsonAsync()).GetProperty("threads").EnumerateArray());
        var id = thread.Text("id");
        var reply = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/reply", $$"""{"text":"Tomorrow.","version":{{thread.GetProperty("version").GetInt64()}}}""")).JsonAsync();
        Assert.True(reply.GetProperty("sent").GetBoolean());
        return (id, reply);
    }

    private static long VersionOf(JsonElement reply) => reply.GetProperty("thread").GetProperty("thread").GetProperty("version").GetInt64();

    private Task<string?> AtTheNetworkAsync(JsonElement reply) =>
        host.ScalarAsync<string>("select value from plugin_store where key = $1", "reply:" + reply.Text("platformReplyId"));

    [Fact]
    public async Task a_moderator_deletes_a_sent_reply_and_the_thread_shows_it_deleted()
    {
        using var api = await host.ApiAsAsync(Role.Moderator);
        var (id, reply) = await RepliedAsync(api, "ad1");

        var answer = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply",
            $$"""{"replyId":"{{reply.Text("replyId")}}","version":{{VersionOf(reply)}}}""")).JsonAsync();

        var item = Assert.Single(answer.GetProperty("items").EnumerateArray(), i => i.Text("direction") == "out");
        Assert.Equal((reply.Text("replyId"), "sent", true), (item.Text("id"), item.Text("replyStatus"), item.GetProperty("deleted").GetBoolean()));
        Assert.Equal(VersionOf(reply) + 1, answer.GetProperty("thread").GetProperty("version").GetInt64());
        Assert.Contains("\"deletedAt\"", await AtTheNetworkAsync(reply), StringComparison.Ordinal);
        var moderator = (await (await api.GetAsync("/api/v1/me")).JsonAsync()).Text("userId");
        Assert.Equal(1L, await host.ScalarAsync<long>(
            "select count(*) from mt_events where stream_id = $1 and user_name = $2 and type = 'inbox_reply_deleted'", $"inbox-thread-{id}", moderator));

        // Again: 400 naming the reply, with why.
        var again = await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply", $$"""{"replyId":"{{reply.Text("replyId")}}","version":{{VersionOf(reply) + 1}}}""");
        Assert.Equal(["replyId"], await again.ValidationErrorsAsync());
    }

    [Fact]
    public async Task a_stale_version_a_missing_reply_or_an_analyst_change_nothing()
    {
        using var owner = await host.ApiAsAsync(Role.Owner);
        using var analyst = await host.ApiAsAsync(Role.Analyst);
        var (id, reply) = await RepliedAsync(owner, "ad2");
        var seen = VersionOf(reply);
        var body = $$"""{"replyId":"{{reply.Text("replyId")}}","version":{{seen}}}""";
        await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/priority", $$"""{"priority":"high","version":{{seen}}}""")).JsonAsync();

        var stale = await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply", body)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(["Olive Owner set its priority to high"], stale.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply", body)).StatusCode);
        Assert.Equal(["replyId"], await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply", $$"""{"version":{{seen + 1}}}""")).ValidationErrorsAsync());
        Assert.Equal(["replyId"], await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply",
            $$"""{"replyId":"{{Guid.NewGuid()}}","version":{{seen + 1}}}""")).ValidationErrorsAsync());
        Assert.Equal(["version"], await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/delete-reply", $$"""{"replyId":"{{reply.Text("replyId")}}"}""")).ValidationErrorsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostJsonAsync($"/api/v1/inbox/threads/{Guid.NewGuid()}/delete-reply", body)).StatusCode);

        Assert.DoesNotContain("deletedAt", await AtTheNetworkAsync(reply), StringComparison.Ordinal);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from mt_events where stream_id = $1 and type = 'inbox_reply_deleted'", $"inbox-thread-{id}"));
    }
}
