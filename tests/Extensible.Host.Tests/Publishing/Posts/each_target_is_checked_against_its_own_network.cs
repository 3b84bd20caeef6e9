using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Extensible.EventStore;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;

namespace Extensible.Host.Tests.Publishing.Posts;

public sealed class each_target_is_checked_against_its_own_network(PublishingHost host) : IClassFixture<PublishingHost>
{
    private static readonly string[] SecondPart = ["second part"];

    private static readonly LocalDueTime NextYear = new(new DateTime(DateTime.UtcNow.Year + 1, 6, 1, 9, 0, 0), "UTC");

    [Fact]
    public async Task a_text_too_long_for_one_network_only_stops_the_schedule_on_that_target_alone()
    {
        await host.InstallTinyNetworkAsync();
        var actor = await host.ComposerAsync();
        var (sandbox, tiny) = (await host.AccountForPostsAsync("@wide"), await host.AccountForPostsAsync("@small", TinyNetwork.Key));
        var text = "Thirty graphemes, more or less";
        var id = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = text }, [new PostTarget(sandbox, null), new PostTarget(tiny, null)]);

        var refused = await Assert.ThrowsAsync<PostValidationException>(() => host.Posts.ScheduleAsync(actor, id, NextYear));

        var error = Assert.Single(refused.Errors);
        Assert.Equal($"targets[{tiny}].text", error.Key);
        Assert.Equal("The text counts 30 where Tiny takes 20: 10 too many.", Assert.Single(error.Value));
        Assert.Equal("draft", await host.ScalarAsync<string>("select state from publishing_posts where id = $1", id));

        // A shorter variant for the tiny network alone makes it schedulable.
        await host.Posts.EditAsync(actor, id, new PostContentDraft { Text = text }, [new PostTarget(sandbox, null), new PostTarget(tiny, new PostContentDraft { Text = "Short one" })]);
        await host.Posts.ScheduleAsync(actor, id, NextYear);
        Assert.Equal("scheduled", await host.ScalarAsync<string>("select state from publishing_posts where id = $1", id));
    }

    [Fact]
    public async Task the_counters_count_as_each_network_counts()
    {
        await host.InstallTinyNetworkAsync();
        var actor = await host.ComposerAsync();
        var (sandbox, tiny) = (await host.AccountForPostsAsync("@count"), await host.AccountForPostsAsync("@countsmall", TinyNetwork.Key));
        using var api = await host.OwnerApiAsync();

        var response = await api.PostAsJsonAsync("/api/v1/posts/validate", new
        {
            text = "Héllo 👩‍👩‍👧 world",
            threadParts = SecondPart,
            targets = new[] { new { accountId = sandbox }, new { accountId = tiny } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(check["valid"]!.GetValue<bool>());
        var wide = check["targets"]!.AsArray().Single(t => t!["accountId"]!.GetValue<Guid>() == sandbox)!;
        var text = wide["counters"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "text")!;
        Assert.Equal((13, 1000, 987), (text["count"]!.GetValue<int>(), text["limit"]!.GetValue<int>(), text["remaining"]!.GetValue<int>()));
        Assert.Contains(wide["counters"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "threadParts[0]");
        Assert.Equal(["audience", "sensitive"], wide["options"]!.AsArray().Select(o => o!["key"]!.GetValue<string>()));
        Assert.True(check["errors"]!.AsObject().Count == 1, check["errors"]!.ToJsonString());
        Assert.Equal($"targets[{tiny}].threadParts", Assert.Single(check["errors"]!.AsObject()).Key);
        Assert.StartsWith("Tiny does not take threads", check["errors"]![$"targets[{tiny}].threadParts"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from publishing_posts where workspace_id = $1 and content->>'text' like 'Héllo%'", actor.WorkspaceId));
    }

    [Fact]
    public async Task an_account_whose_server_sets_its_own_limit_is_counted_against_that_limit()
    {
        await host.InstallTinyNetworkAsync();
        var usual = await host.AccountForPostsAsync("@usual", TinyNetwork.Key);
        var roomy = await host.AccountForPostsAsync("@roomy", TinyNetwork.Key, new Dictionary<string, string> { ["max_text"] = "40" });
        using var api = await host.OwnerApiAsync();

        var response = await api.PostAsJsonAsync("/api/v1/posts/validate", new
        {
            text = "Thirty graphemes, more or less",
            targets = new[] { new { accountId = usual }, new { accountId = roomy } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        int[] Counter(Guid account)
        {
            var target = check["targets"]!.AsArray().Single(t => t!["accountId"]!.GetValue<Guid>() == account)!;
            var text = target["counters"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "text")!;
            return [text["count"]!.GetValue<int>(), text["limit"]!.GetValue<int>(), text["remaining"]!.GetValue<int>()];
        }

        Assert.Equal([30, 40, 10], Counter(roomy));
        Assert.Equal([30, 20, -10], Counter(usual));
        Assert.Equal($"targets[{usual}].text", Assert.Single(check["errors"]!.AsObject()).Key);
    }

    [Fact]
    public async Task media_is_checked_against_each_networks_limits()
    {
        await host.InstallTinyNetworkAsync();
        var actor = await host.ComposerAsync();
        var (sandbox, tiny) = (await host.AccountForPostsAsync("@pics"), await host.AccountForPostsAsync("@tinypics", TinyNetwork.Key));
        var big = await host.MediaForPostsAsync("big.png", "image/png", 5_000);
        var small = await host.MediaForPostsAsync("small.png", "image/png", 500);
        var jpeg = await host.MediaForPostsAsync("photo.jpg", "image/jpeg", 500);
        var huge = await host.MediaForPostsAsync("poster.png", "image/png", 20L * 1024 * 1024);

        async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(params Guid[] media) =>
            (await host.Validation.CheckAsync(actor.WorkspaceId, new PostContentDraft { Text = "Look", MediaIds = media }, [new PostTarget(sandbox, null), new PostTarget(tiny, null)])).Errors();

        Assert.Empty(await ErrorsAsync(small));
        Assert.StartsWith("big.png is too large here", Assert.Single((await ErrorsAsync(big))[$"targets[{tiny}].mediaIds"]), StringComparison.Ordinal);
        var two = await ErrorsAsync(small, jpeg);
        Assert.Contains("This network takes at most 1 media item per post; this one has 2.", two[$"targets[{tiny}].mediaIds"]);
        Assert.False(two.ContainsKey($"targets[{sandbox}].mediaIds"));
        Assert.StartsWith("photo.jpg: image/jpeg is not accepted here", Assert.Single((await ErrorsAsync(jpeg))[$"targets[{tiny}].mediaIds"]), StringComparison.Ordinal);
        var both = await ErrorsAsync(huge);
        Assert.StartsWith("poster.png is too large here", Assert.Single(both[$"targets[{sandbox}].mediaIds"]), StringComparison.Ordinal);
        Assert.True(both.ContainsKey($"targets[{tiny}].mediaIds"));
    }

    [Fact]
    public async Task options_first_comments_and_account_health_are_checked_before_a_schedule()
    {
        await host.InstallTinyNetworkAsync();
        var actor = await host.ComposerAsync();
        var (sandbox, tiny) = (await host.AccountForPostsAsync("@opts"), await host.AccountForPostsAsync("@tinyopts", TinyNetwork.Key));
        var content = new PostContentDraft { Text = "Hello", FirstComment = "#tags", Options = new Dictionary<string, string> { ["audience"] = "friends" } };

        var errors = (await host.Validation.CheckAsync(actor.WorkspaceId, content, [new PostTarget(sandbox, null), new PostTarget(tiny, null)])).Errors();

        Assert.Equal("Audience must be one of: public, followers.", Assert.Single(errors[$"targets[{sandbox}].options.audience"]));
        Assert.Equal("Tiny has no option 'audience'.", Assert.Single(errors[$"targets[{tiny}].options.audience"]));
        Assert.StartsWith("Tiny has no first comment", Assert.Single(errors[$"targets[{tiny}].firstComment"]), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey($"targets[{sandbox}].firstComment"));

        await host.Store.AppendAsync(PublishingStreams.Account(sandbox), ExpectedVersion.Any, [new AccountNeedsReconnect(sandbox, actor.WorkspaceId, "token revoked")], actor.Metadata);
        var id = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Hello" }, [new PostTarget(sandbox, null)]);
        var refused = await Assert.ThrowsAsync<PostValidationException>(() => host.Posts.ScheduleAsync(actor, id, NextYear));
        Assert.Equal("@opts (sandbox) needs to be connected again before anything is scheduled for it (token revoked).", Assert.Single(refused.Errors[$"targets[{sandbox}].account"]));
    }

    [Fact]
    public async Task the_same_text_to_the_same_account_within_a_day_warns_without_refusing()
    {
        var actor = await host.ComposerAsync();
        var account = await host.AccountForPostsAsync("@echo");
        var first = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Same words" }, [new PostTarget(account, null)]);
        await host.Posts.ScheduleAsync(actor, first, NextYear);
        var second = await host.Posts.DraftAsync(actor, new PostContentDraft { Text = "Same words" }, [new PostTarget(account, null)]);

        var check = await host.Validation.CheckAsync(actor.WorkspaceId, new PostContentDraft { Text = "Same words" }, [new PostTarget(account, null)], second,
            ScheduleTime.ToInstant(NextYear.Local.AddHours(3), ScheduleTime.FindZone("UTC")));
        var far = await host.Validation.CheckAsync(actor.WorkspaceId, new PostContentDraft { Text = "Same words" }, [new PostTarget(account, null)], second,
            ScheduleTime.ToInstant(NextYear.Local.AddDays(3), ScheduleTime.FindZone("UTC")));

        Assert.True(check.IsValid);
        Assert.StartsWith("The same text goes to @echo", Assert.Single(Assert.Single(check.Targets).Warnings).Message, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(far.Targets).Warnings);
    }
}
