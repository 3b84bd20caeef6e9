using System.Net;
using System.Text.Json;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Publisher;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing.Publisher;

public sealed class scheduled_posts_go_out_on_time(PublisherHost fixture) : IClassFixture<PublisherHost>
{
    private readonly PublishingHost host = fixture.Publishing;

    [Fact]
    public async Task a_post_waits_for_its_instant_then_goes_out_on_every_account_with_its_variant()
    {
        var (first, second) = (await host.ConnectSandboxAccountAsync(), await host.ConnectSandboxAccountAsync());
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        var postId = await host.SchedulePostAsync(due, [new PostTarget(first, null), new PostTarget(second, new PostContentDraft { Text = "Variant for the second" })], "Shared text");

        Assert.Equal(2L, await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = $1 and status = 'scheduled'", postId));
        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = $1 and status = 'published'", postId) == 2,
            "both targets are published");

        // Not before its instant: the network got each call at or after the due time.
        var published = await host.QueryAsync<DateTime>("select min(published_at) from publishing_targets where post_id = $1", postId);
        Assert.True(published >= due.UtcDateTime, $"published at {published:O}, due at {due:O}");
        Assert.Equal("Shared text", await SandboxTextAsync(postId, first));
        Assert.Equal("Variant for the second", await SandboxTextAsync(postId, second));
        Assert.Equal(2L, await host.QueryAsync<long>("select count(*) from publishing_targets where post_id = $1 and url like 'https://sandbox.extensible.invalid/%'", postId));
    }

    [Fact]
    public async Task a_post_rescheduled_earlier_wakes_the_publisher_before_its_old_instant()
    {
        var account = await host.ConnectSandboxAccountAsync();
        var postId = await host.SchedulePostAsync(DateTimeOffset.UtcNow.AddHours(1), [new PostTarget(account, null)]);
        var (ownerId, workspaceId) = await host.OwnerAsync();

        await host.Store.AppendAsync(Extensible.Publishing.PublishingStreams.Post(postId), 2,
            [new PostRescheduled(postId, workspaceId, DateTimeOffset.UtcNow.AddSeconds(1), "UTC", "now", ownerId)],
            new EventStore.EventMetadata { Tenant = workspaceId.ToString(), User = PublishingHost.OwnerEmail });

        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<string>("select status from publishing_targets where post_id = $1", postId) == "published",
            "the rescheduled post is published within seconds, not at its old instant");
    }

    [Fact]
    public async Task readiness_reports_a_turning_publisher()
    {
        using var response = await host.Host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.GetProperty("publisher").GetBoolean());
        Assert.True(DateTimeOffset.UtcNow - host.Services.GetRequiredService<PublisherStatus>().LastTick < TimeSpan.FromSeconds(5));
    }

    private async Task<string?> SandboxTextAsync(Guid postId, Guid accountId)
    {
        var platformId = await host.QueryAsync<string>("select platform_post_id from publishing_targets where post_id = $1 and account_id = $2", postId, accountId);
        var json = await host.QueryAsync<string>("select value from plugin_store where plugin_id = 'extensible.sandbox' and key = $1", $"post:{platformId}");
        return json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("text").GetString();
    }
}
