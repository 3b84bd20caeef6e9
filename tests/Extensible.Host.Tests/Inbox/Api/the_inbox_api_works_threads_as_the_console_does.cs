using System.Net;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.People;

namespace Extensible.Host.Tests.Inbox.Api;

public sealed class the_inbox_api_works_threads_as_the_console_does(InboxHost host) : IClassFixture<InboxHost>
{
    // A fresh account with one comment thread per id (each on its own post); answers the account and the network's id for it.
    private async Task<(Guid AccountId, string Network)> ThreadsAsync(params (string Id, string Text)[] comments)
    {
        var (accountId, network) = await host.SandboxAccountAsync();
        foreach (var (id, text) in comments)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment(id, text, "post-" + id)))).StatusCode);
        }

        return (accountId, network);
    }

    private static async Task<JsonElement> OnlyThreadAsync(HttpClient api, Guid accountId) =>
        Assert.Single((await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}")).JsonAsync()).GetProperty("threads").EnumerateArray());

    // An action's answer: the thread response, or a reply's outcome around it.
    private static long Version(JsonElement response)
    {
        var thread = response.GetProperty("thread");
        return (thread.TryGetProperty("thread", out var inner) ? inner : thread).GetProperty("version").GetInt64();
    }

    [Fact]
    public async Task threads_are_filtered_and_paged_by_keyset_as_in_the_console()
    {
        using var api = await host.ApiAsAsync(Role.Owner);
        var (accountId, _) = await ThreadsAsync(("f1", "Where is my parcel"), ("f2", "Lovely colours"), ("f3", "Refund please, the parcel broke"));

        var first = await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&limit=2")).JsonAsync();
        var next = first.Text("next");
        var second = await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&limit=2&after={Uri.EscapeDataString(next)}")).JsonAsync();
        var seen = first.GetProperty("threads").EnumerateArray().Concat(second.GetProperty("threads").EnumerateArray()).Select(t => t.Text("preview")).ToList();
        Assert.Equal(["Refund please, the parcel broke", "Lovely colours", "Where is my parcel"], seen);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        var parcels = await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&q=parcel")).JsonAsync();
        Assert.Equal(2, parcels.GetProperty("threads").GetArrayLength());
        var refund = Assert.Single((await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&q=refund")).JsonAsync()).GetProperty("threads").EnumerateArray());

        // Filters by what moderators did: mine, unassigned, label, priority, status, network.
        var id = refund.Text("id");
        var version = Version(await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/assign", $$"""{"assignee":"me","version":{{refund.GetProperty("version").GetInt64()}}}""")).JsonAsync());
        version = Version(await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/labels", $$"""{"labels":["Refunds"],"version":{{version}}}""")).JsonAsync());
        version = Version(await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/priority", $$"""{"priority":"urgent","version":{{version}}}""")).JsonAsync());
        await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", $$"""{"status":"pending","version":{{version}}}""")).JsonAsync();
        foreach (var filter in new[] { "assignee=me", "label=refunds", "priority=urgent", "status=pending", "network=sandbox&q=refund" })
        {
            var only = Assert.Single((await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&{filter}")).JsonAsync()).GetProperty("threads").EnumerateArray());
            Assert.Equal(id, only.Text("id"));
        }

        Assert.Equal(2, (await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&assignee=unassigned")).JsonAsync()).GetProperty("threads").GetArrayLength());
        Assert.Contains("refunds", (await (await api.GetAsync("/api/v1/inbox/labels")).JsonAsync()).EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task sentiment_filters_threads_and_a_moderator_corrects_it_at_the_version_they_saw()
    {
        using var api = await host.ApiAsAsync(Role.Moderator);
        var (accountId, network) = await host.SandboxAccountAsync();
        var angry = new { id = "m1", kind = "comment", authorId = "u-ada", authorHandle = "@ada", text = "Broken again", createdAt = DateTimeOffset.UtcNow, postId = "post-m1", sentiment = "negative" };
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, angry, InboxHost.Comment("m2", "When do you open?", "post-m2")))).StatusCode);
        async Task<List<string>> PreviewsAsync(string sentiment) =>
            [.. (await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&sentiment={sentiment}")).JsonAsync()).GetProperty("threads").EnumerateArray().Select(t => t.Text("preview"))];

        Assert.Equal(["Broken again"], await PreviewsAsync("negative"));
        Assert.Equal(["When do you open?"], await PreviewsAsync("unknown"));
        var thread = Assert.Single((await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&sentiment=negative")).JsonAsync()).GetProperty("threads").EnumerateArray());
        var (id, version) = (thread.Text("id"), thread.GetProperty("version").GetInt64());
        Assert.Equal("negative", thread.Text("sentiment"));

        var corrected = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","sentiment":"positive","version":{{version}}}""")).JsonAsync();

        Assert.Equal("positive", corrected.GetProperty("thread").Text("sentiment"));
        Assert.Equal("positive", Assert.Single(corrected.GetProperty("items").EnumerateArray()).Text("sentiment"));
        Assert.Equal(["Broken again"], await PreviewsAsync("positive"));
        Assert.Empty(await PreviewsAsync("negative"));

        // The same errors as every action: 400 naming the field for an unknown value or item, 409 with what changed for a stale version.
        Assert.Equal(["sentiment"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","sentiment":"furious","version":{{version + 1}}}""")).ValidationErrorsAsync());
        Assert.Equal(["sentiment"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","version":{{version + 1}}}""")).ValidationErrorsAsync());
        Assert.Equal(["item"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"nope","sentiment":"neutral","version":{{version + 1}}}""")).ValidationErrorsAsync());
        var stale = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","sentiment":"neutral","version":{{version}}}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Single(stale.GetProperty("changes").EnumerateArray(), c => c.GetString()!.EndsWith("set an item's sentiment to positive", StringComparison.Ordinal));
        using var analyst = await host.ApiAsAsync(Role.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","sentiment":"neutral","version":{{version + 1}}}""")).StatusCode);
        Assert.Equal(["Broken again"], await PreviewsAsync("positive"));

        // "unknown" clears it.
        var cleared = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/sentiment", $$"""{"item":"m1","sentiment":"unknown","version":{{version + 1}}}""")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("thread").GetProperty("sentiment").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(cleared.GetProperty("items").EnumerateArray()).GetProperty("sentiment").ValueKind);
        Assert.Contains("Broken again", await PreviewsAsync("unknown"));
        Assert.Empty(await PreviewsAsync("positive"));
    }

    [Fact]
    public async Task bad_filters_answer_400_naming_each_field()
    {
        using var api = await host.ApiAsAsync(Role.Analyst);

        var errors = await (await api.GetAsync("/api/v1/inbox/threads?status=lost&priority=meh&limit=0&after=not-ours&assignee=bob&sentiment=grumpy")).ValidationErrorsAsync();

        Assert.Equal(["after", "assignee", "limit", "priority", "sentiment", "status"], errors.Order(StringComparer.Ordinal));
        Assert.Equal(["q"], await (await api.GetAsync($"/api/v1/inbox/threads?q={new string('w', 201)}")).ValidationErrorsAsync());
    }

    [Fact]
    public async Task a_thread_is_read_with_its_items_and_the_authors_other_threads()
    {
        using var api = await host.ApiAsAsync(Role.Analyst);
        var (accountId, _) = await ThreadsAsync(("t1", "First visit"), ("t2", "<script>alert(1)</script>"));
        var threads = (await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}")).JsonAsync()).GetProperty("threads").EnumerateArray().ToList();

        var thread = await (await api.GetAsync($"/api/v1/inbox/threads/{threads[0].Text("id")}")).JsonAsync();

        var item = Assert.Single(thread.GetProperty("items").EnumerateArray());
        Assert.Equal(("in", "t2", "<script>alert(1)</script>", "@ada"), (item.Text("direction"), item.Text("platformItemId"), item.Text("text"), item.Text("authorHandle")));
        Assert.Equal(threads[1].Text("id"), Assert.Single(thread.GetProperty("authorHistory").EnumerateArray()).Text("id"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/inbox/threads/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task every_action_changes_the_thread_and_is_recorded_as_the_caller()
    {
        using var api = await host.ApiAsAsync(Role.Moderator);
        var (accountId, _) = await ThreadsAsync(("a1", "Hello there"));
        var thread = await OnlyThreadAsync(api, accountId);
        var id = thread.Text("id");
        var version = thread.GetProperty("version").GetInt64();
        async Task<JsonElement> ActAsync(string action, string body)
        {
            var answer = await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/{action}", body.Replace("VERSION", version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))).JsonAsync();
            version = Version(answer);
            return answer;
        }

        Assert.Equal("resolved", (await ActAsync("status", """{"status":"resolved","version":VERSION}""")).GetProperty("thread").Text("status"));
        Assert.Equal("open", (await ActAsync("status", """{"status":"open","version":VERSION}""")).GetProperty("thread").Text("status"));
        Assert.Equal("spam", (await ActAsync("status", """{"status":"spam","version":VERSION}""")).GetProperty("thread").Text("status"));
        Assert.NotEqual(JsonValueKind.Null, (await ActAsync("assign", """{"assignee":"me","version":VERSION}""")).GetProperty("thread").GetProperty("assigneeId").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ActAsync("assign", """{"assignee":null,"version":VERSION}""")).GetProperty("thread").GetProperty("assigneeId").ValueKind);
        Assert.Equal(["billing", "vip"], (await ActAsync("labels", """{"labels":[" VIP ","billing"],"version":VERSION}""")).GetProperty("thread").GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Order());
        Assert.Equal("high", (await ActAsync("priority", """{"priority":"high","version":VERSION}""")).GetProperty("thread").Text("priority"));
        var escalated = await ActAsync("escalate", """{"note":"Legal should see this","version":VERSION}""");
        Assert.Equal("Legal should see this", escalated.GetProperty("thread").Text("escalation"));
        Assert.True((await ActAsync("hide", """{"item":"a1","version":VERSION}""")).GetProperty("items")[0].GetProperty("hidden").GetBoolean());
        Assert.False((await ActAsync("unhide", """{"item":"a1","version":VERSION}""")).GetProperty("items")[0].GetProperty("hidden").GetBoolean());

        // A reply the network refuses stays on the thread as failed, with the network's message; sent again in its place, it goes out.
        var refused = await ActAsync("reply", $$"""{"text":"{{new string('x', 1200)}}","version":VERSION}""");
        Assert.False(refused.GetProperty("sent").GetBoolean());
        Assert.Contains("at most 1000", refused.Text("message"), StringComparison.Ordinal);
        var failed = Assert.Single(refused.GetProperty("thread").GetProperty("items").EnumerateArray(), i => i.Text("direction") == "out");
        Assert.Equal(("failed", refused.Text("message")), (failed.Text("replyStatus"), failed.Text("failureMessage")));
        var sent = await ActAsync("reply", $$"""{"text":"We are on it.","replyId":"{{refused.Text("replyId")}}","version":VERSION}""");
        Assert.True(sent.GetProperty("sent").GetBoolean());
        Assert.Equal(("sent", "We are on it."), Assert.Single(sent.GetProperty("thread").GetProperty("items").EnumerateArray(), i => i.Text("direction") == "out") is var r ? (r.Text("replyStatus"), r.Text("text")) : default);

        Assert.True((await ActAsync("delete-item", """{"item":"a1","version":VERSION}""")).GetProperty("items")[0].GetProperty("deleted").GetBoolean());

        // Each action is an event naming the moderator whose token made it, as the console's name the person who clicked.
        var moderator = (await (await api.GetAsync("/api/v1/me")).JsonAsync()).Text("userId");
        Assert.Equal(13L, await host.ScalarAsync<long>(
            "select count(*) from mt_events where stream_id = $1 and user_name = $2 and type <> 'inbox_item_received'", $"inbox-thread-{id}", moderator));
    }

    [Fact]
    public async Task a_stale_version_answers_409_with_what_changed_and_changes_nothing()
    {
        using var owner = await host.ApiAsAsync(Role.Owner);
        using var moderator = await host.ApiAsAsync(Role.Moderator);
        var (accountId, _) = await ThreadsAsync(("s1", "Anyone?"));
        var thread = await OnlyThreadAsync(owner, accountId);
        var (id, seen) = (thread.Text("id"), thread.GetProperty("version").GetInt64());
        await (await owner.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", $$"""{"status":"resolved","version":{{seen}}}""")).JsonAsync();

        var stale = await (await moderator.PostJsonAsync($"/api/v1/inbox/threads/{id}/priority", $$"""{"priority":"urgent","version":{{seen}}}""")).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal(["Olive Owner set it to resolved"], stale.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(seen + 1, stale.GetProperty("version").GetInt64());
        var now = await OnlyThreadAsync(owner, accountId);
        Assert.Equal(("normal", "resolved"), (now.Text("priority"), now.Text("status")));
    }

    [Fact]
    public async Task bad_input_answers_400_naming_the_field_and_changes_nothing()
    {
        using var api = await host.ApiAsAsync(Role.Admin);
        var (accountId, _) = await ThreadsAsync(("b1", "Hi"));
        var thread = await OnlyThreadAsync(api, accountId);
        var (id, version) = (thread.Text("id"), thread.GetProperty("version").GetInt64());

        Assert.Equal(["version"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", """{"status":"resolved"}""")).ValidationErrorsAsync());
        Assert.Equal(["status"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", $$"""{"status":"hidden","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["priority"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/priority", $$"""{"priority":"asap","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["note"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/escalate", $$"""{"note":"  ","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["assignee"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/assign", $$"""{"assignee":"bob","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["assignee"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/assign", $$"""{"assignee":"{{Guid.NewGuid()}}","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["labels"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/labels", $$"""{"labels":["{{new string('l', 41)}}"],"version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["text"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/reply", $$"""{"text":"","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["item"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/hide", $$"""{"item":"nope","version":{{version}}}""")).ValidationErrorsAsync());
        Assert.Equal(["version"], await (await api.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", """{"status":"resolved","version":"one"}""")).ValidationErrorsAsync());
        Assert.Equal(["action"], await (await api.PostJsonAsync("/api/v1/inbox/threads/bulk", $$"""{"ids":["{{id}}"],"action":"burn"}""")).ValidationErrorsAsync());

        Assert.Equal(version, (await OnlyThreadAsync(api, accountId)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task an_analyst_reads_and_is_refused_every_action()
    {
        using var analyst = await host.ApiAsAsync(Role.Analyst);
        using var editor = await host.ApiAsAsync(Role.Editor);
        var (accountId, _) = await ThreadsAsync(("r1", "Read me"));
        var thread = await OnlyThreadAsync(analyst, accountId);
        var (id, version) = (thread.Text("id"), thread.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/inbox/threads/{id}")).StatusCode);
        foreach (var (client, action) in new[] { (analyst, "status"), (analyst, "assign"), (analyst, "reply"), (analyst, "hide"), (editor, "status") })
        {
            using var refused = await client.PostJsonAsync($"/api/v1/inbox/threads/{id}/{action}", $$"""{"status":"resolved","assignee":"me","text":"hi","version":{{version}}}""");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync("/api/v1/inbox/threads/bulk", $$"""{"ids":["{{id}}"],"action":"resolve"}""")).StatusCode);
        Assert.Equal(version, (await OnlyThreadAsync(analyst, accountId)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task a_thread_of_another_workspace_is_not_found_there()
    {
        using var api = await host.ApiAsAsync(Role.Owner);
        using var elsewhere = await host.ApiOfAnotherWorkspaceAsync();
        var (accountId, _) = await ThreadsAsync(("x1", "Mine"));
        var thread = await OnlyThreadAsync(api, accountId);
        var (id, version) = (thread.Text("id"), thread.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/inbox/threads/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostJsonAsync($"/api/v1/inbox/threads/{id}/status", $$"""{"status":"spam","version":{{version}}}""")).StatusCode);
        Assert.Empty((await (await elsewhere.GetAsync($"/api/v1/inbox/threads?account={accountId}")).JsonAsync()).GetProperty("threads").EnumerateArray());
        var bulk = await (await elsewhere.PostJsonAsync("/api/v1/inbox/threads/bulk", $$"""{"ids":["{{id}}"],"action":"spam"}""")).JsonAsync();
        Assert.Equal([id], bulk.GetProperty("notDone").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(("new", version), ((await OnlyThreadAsync(api, accountId)).Text("status"), (await OnlyThreadAsync(api, accountId)).GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task a_bulk_action_does_what_it_can_and_says_which()
    {
        using var api = await host.ApiAsAsync(Role.Moderator);
        var (accountId, _) = await ThreadsAsync(("k1", "One"), ("k2", "Two"));
        var ids = (await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}")).JsonAsync()).GetProperty("threads").EnumerateArray().Select(t => t.Text("id")).ToList();
        var stranger = Guid.NewGuid().ToString();

        var answer = await (await api.PostJsonAsync("/api/v1/inbox/threads/bulk", $$"""{"ids":["{{ids[0]}}","{{ids[1]}}","{{stranger}}"],"action":"resolve"}""")).JsonAsync();

        Assert.Equal(ids.Order(), answer.GetProperty("done").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Equal([stranger], answer.GetProperty("notDone").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(2, (await (await api.GetAsync($"/api/v1/inbox/threads?account={accountId}&status=resolved")).JsonAsync()).GetProperty("threads").GetArrayLength());
    }
}
