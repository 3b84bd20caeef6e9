using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Sdk.Connectors;

namespace Extensible.Host.Tests.Publishing.Posts;

public sealed class posts_go_from_draft_to_schedule_through_the_api(PublishingHostWithoutPublisher host) : IClassFixture<PublishingHostWithoutPublisher>
{
    [Fact]
    public async Task a_draft_is_scheduled_rescheduled_and_unscheduled_with_each_step_in_its_history()
    {
        using var api = await host.OwnerApiAsync();
        var (first, second) = (await host.AccountForPostsAsync("@ana"), await host.AccountForPostsAsync("@ben"));

        var created = await api.PostAsJsonAsync("/api/v1/posts", new
        {
            text = "Launch day",
            targets = new object[] { new { accountId = first }, new { accountId = second, variant = new { text = "Launch day, Ben" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = await Json(created);
        var id = post["id"]!.GetValue<Guid>();
        Assert.Equal("draft", post["state"]!.GetValue<string>());
        Assert.Equal(2, post["targets"]!.AsArray().Count);

        var scheduled = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-03-28T09:30", timeZone = "Europe/Paris", version = 1 });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        post = await Json(scheduled);
        Assert.Equal("scheduled", post["state"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T07:30:00Z"), post["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Europe/Paris", post["timeZone"]!.GetValue<string>());
        Assert.All(post["targets"]!.AsArray(), t => Assert.Equal("scheduled", t!["status"]!.GetValue<string>()));

        var moved = await api.PostAsJsonAsync($"/api/v1/posts/{id}/reschedule", new { localTime = "2027-11-07T09:00", timeZone = "America/New_York" });
        post = await Json(moved);
        Assert.Equal(DateTimeOffset.Parse("2027-11-07T14:00:00Z"), post["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTime(2027, 11, 7, 14, 0, 0, DateTimeKind.Utc), await host.ScalarAsync<DateTime>("select due_at from publishing_targets where post_id = $1 and account_id = $2", id, first));

        var calendar = await api.GetFromJsonAsync<JsonArray>("/api/v1/posts?from=2027-11-01T00:00:00Z&to=2027-12-01T00:00:00Z");
        Assert.Contains(calendar!, p => p!["id"]!.GetValue<Guid>() == id);

        var unscheduled = await api.PostAsync($"/api/v1/posts/{id}/unschedule", null);
        post = await Json(unscheduled);
        Assert.Equal("draft", post["state"]!.GetValue<string>());
        Assert.Null(post["dueAt"]);
        Assert.All(post["targets"]!.AsArray(), t => Assert.Equal("draft", t!["status"]!.GetValue<string>()));
        Assert.Equal(["Drafted for 2 accounts", "Scheduled for 2027-03-28 09:30 (Europe/Paris)", "Moved to 2027-11-07 09:00 (America/New_York)", "Unscheduled: back to draft"],
            post["history"]!.AsArray().Select(h => h!["what"]!.GetValue<string>()));
        var drafts = await api.GetFromJsonAsync<JsonArray>("/api/v1/posts?status=draft");
        Assert.Contains(drafts!, p => p!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task a_time_that_does_not_exist_is_asked_about_and_an_answer_schedules_it()
    {
        using var api = await host.OwnerApiAsync();
        var account = await host.AccountForPostsAsync("@dst");
        var id = await DraftAsync(api, account, "Spring forward");

        var asked = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-03-28T02:30", timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        var problem = await Json(asked);
        Assert.StartsWith("02:30 on 2027-03-28 does not exist in Europe/Paris", problem["errors"]!["localTime"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["2027-03-28T01:30", "2027-03-28T03:30"], problem["choices"]!.AsArray().Select(c => c!["localTime"]!.GetValue<string>()));
        Assert.Equal(1L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", id));

        var twice = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-11-07T01:30", timeZone = "America/New_York" });
        var choices = (await Json(twice))["choices"]!.AsArray();
        Assert.Equal(["-04:00", "-05:00"], choices.Select(c => c!["offset"]!.GetValue<string>()));

        var answered = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-11-07T01:30", timeZone = "America/New_York", offset = "-05:00" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(DateTimeOffset.Parse("2027-11-07T06:30:00Z"), (await Json(answered))["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task the_workspace_zone_is_used_when_none_is_named()
    {
        using var api = await host.OwnerApiAsync();
        var set = await api.PutAsJsonAsync("/api/v1/publishing/settings", new { timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var bad = await api.PutAsJsonAsync("/api/v1/publishing/settings", new { timeZone = "Europe/Atlantis" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("America/New_York", (await api.GetFromJsonAsync<JsonObject>("/api/v1/publishing/settings"))!["timeZone"]!.GetValue<string>());
        var personal = await api.PutAsJsonAsync("/api/v1/publishing/settings/personal", new { timeZone = "Asia/Tokyo" });
        Assert.Equal("Asia/Tokyo", (await Json(personal))["displayTimeZone"]!.GetValue<string>());

        var id = await DraftAsync(api, await host.AccountForPostsAsync("@zone"), "In New York time");
        var scheduled = await Json(await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-07-04T12:00" }));
        Assert.Equal("America/New_York", scheduled["timeZone"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2027-07-04T16:00:00Z"), scheduled["dueAt"]!.GetValue<DateTimeOffset>());
        await api.PutAsJsonAsync("/api/v1/publishing/settings", new { timeZone = "UTC" });
    }

    [Fact]
    public async Task a_stale_edit_is_told_the_post_changed_and_writes_nothing()
    {
        using var api = await host.OwnerApiAsync();
        var account = await host.AccountForPostsAsync("@race");
        var id = await DraftAsync(api, account, "First words");

        var mine = await api.PutAsJsonAsync($"/api/v1/posts/{id}", new { text = "Mine", targets = new[] { new { accountId = account } }, version = 1 });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var theirs = await api.PutAsJsonAsync($"/api/v1/posts/{id}", new { text = "Theirs", targets = new[] { new { accountId = account } }, version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, theirs.StatusCode);
        Assert.Contains("changed meanwhile", (await Json(theirs))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Mine", await host.ScalarAsync<string>("select content->>'text' from publishing_posts where id = $1", id));
        Assert.Equal(2L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", id));
    }

    [Fact]
    public async Task of_edits_racing_from_one_version_exactly_one_wins()
    {
        var actor = await host.ComposerAsync();
        var account = await host.AccountForPostsAsync("@racers");
        var id = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Start" }, [new PostTarget(account, null)]);

        var edits = Enumerable.Range(0, 6).Select(i => Task.Run(() => host.Posts.EditAsync(actor, id, new PostContentDraft { Text = $"Edit {i}" }, [new PostTarget(account, null)], 1))).ToList();
        var outcomes = await Task.WhenAll(edits.Select(async e =>
        {
            try
            {
                await e;
                return "won";
            }
            catch (PostChangedException)
            {
                return "told";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(5, outcomes.Count(o => o == "told"));
        Assert.Equal(2L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", id));
    }

    [Fact]
    public async Task a_partly_published_post_reads_as_partial_with_the_networks_message()
    {
        using var api = await host.OwnerApiAsync();
        var actor = await host.ComposerAsync();
        var accounts = new[] { await host.AccountForPostsAsync("@p1"), await host.AccountForPostsAsync("@p2"), await host.AccountForPostsAsync("@p3") };
        var id = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Three ways" }, [.. accounts.Select(a => new PostTarget(a, null))]);
        var version = await host.Posts.PublishNowAsync(actor, id);

        // What the publisher records, written here as its events say.
        await host.Store.AppendAsync(PublishingStreams.Post(id), version,
        [
            new TargetPublished(id, actor.WorkspaceId, accounts[0], "s1", "https://sandbox.extensible.invalid/s1", [], null, null),
            new TargetPublished(id, actor.WorkspaceId, accounts[1], "s2", null, [], null, null),
            new TargetFailed(id, actor.WorkspaceId, accounts[2], PlatformFailure.Rejected, "The network refused the post.", "Duplicate content", 422, 1, null),
        ], actor.Metadata);

        var post = await api.GetFromJsonAsync<JsonObject>($"/api/v1/posts/{id}");
        Assert.Equal("2 of 3 published, 1 failed: Duplicate content", post!["summary"]!.GetValue<string>());
        var failed = post["targets"]!.AsArray().Single(t => t!["accountId"]!.GetValue<Guid>() == accounts[2])!;
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains(failed["history"]!.AsArray(), h => h!["what"]!.GetValue<string>() == "Failed (Rejected): Duplicate content");

        var retried = await Json(await api.PostAsync($"/api/v1/posts/{id}/targets/{accounts[2]}/retry", null));
        Assert.Equal("scheduled", retried["targets"]!.AsArray().Single(t => t!["accountId"]!.GetValue<Guid>() == accounts[2])!["status"]!.GetValue<string>());
        var again = await api.PostAsync($"/api/v1/posts/{id}/targets/{accounts[0]}/retry", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task bad_input_is_refused_in_words_and_nothing_is_stored()
    {
        using var api = await host.OwnerApiAsync();
        var account = await host.AccountForPostsAsync("@strict");
        var before = await host.ScalarAsync<long>("select count(*) from publishing_posts");

        var stranger = await api.PostAsJsonAsync("/api/v1/posts", new { text = "Hi", targets = new[] { new { accountId = Guid.NewGuid() } } });
        var twice = await api.PostAsJsonAsync("/api/v1/posts", new { text = "Hi", targets = new[] { new { accountId = account }, new { accountId = account } } });
        var huge = await api.PostAsJsonAsync("/api/v1/posts", new { text = new string('a', 20_001), targets = new[] { new { accountId = account } } });
        var malformed = await api.PostAsync("/api/v1/posts", new StringContent("{\"text\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.All(new[] { stranger, twice, huge, malformed }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("errors", (await Json(stranger)).Select(p => p.Key));
        Assert.Equal(before, await host.ScalarAsync<long>("select count(*) from publishing_posts"));

        var id = await DraftAsync(api, account, "Valid draft");
        var past = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2020-01-01T09:00", timeZone = "UTC" });
        var zone = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-01-01T09:00", timeZone = "Nowhere/Land" });
        var garbled = await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "next tuesday", timeZone = "UTC" });
        Assert.Contains("already passed", (await Json(past))["errors"]!["localTime"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Nowhere/Land", (await Json(zone))["errors"]!["timeZone"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(1L, await host.ScalarAsync<long>("select version from publishing_posts where id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/posts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task a_duplicate_is_a_new_draft_and_a_discarded_post_leaves_the_lists()
    {
        using var api = await host.OwnerApiAsync();
        var account = await host.AccountForPostsAsync("@copy");
        var id = await DraftAsync(api, account, "Copy me");

        var copy = await Json(await api.PostAsync($"/api/v1/posts/{id}/duplicate", null));
        Assert.NotEqual(id, copy["id"]!.GetValue<Guid>());
        Assert.Equal("Copy me", copy["content"]!["text"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
        var drafts = await api.GetFromJsonAsync<JsonArray>("/api/v1/posts");
        Assert.DoesNotContain(drafts!, p => p!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { localTime = "2027-01-01T09:00" })).StatusCode);
    }

    private static async Task<Guid> DraftAsync(HttpClient api, Guid account, string text)
    {
        var created = await api.PostAsJsonAsync("/api/v1/posts", new { text, targets = new[] { new { accountId = account } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created))["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
