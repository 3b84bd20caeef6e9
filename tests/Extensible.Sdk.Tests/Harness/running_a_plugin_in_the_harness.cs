using System.Net;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Testing;
using Extensible.Sdk.Testing.Settings;
using Extensible.Sdk.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Sdk.Tests.Harness;

public sealed class running_a_plugin_in_the_harness
{
    private static PublishRequest Post(string text) => new()
    {
        Account = new AccountCredentials { PlatformAccountId = "acct-1" },
        IdempotencyKey = "key-1",
        Content = new PostContent { Kind = ContentKinds.Text, Text = text },
    };

    [Fact]
    public void registration_gives_the_declared_settings_and_the_capabilities()
    {
        using var harness = PluginHarness.Create<PostingPlugin>(pluginId: "acme.posting");

        Assert.Equal(typeof(PostingSettings), harness.SettingsType);
        Assert.Equal("acme.posting", harness.Context.PluginId);
        Assert.Equal("posting", Assert.Single(harness.Connectors).Profile.Key);
        Assert.Equal("banned-word", Assert.Single(harness.ContentRules).Info.Key);
        Assert.Empty(harness.ModerationSteps);
        Assert.Empty(harness.InfluencerSources);
        Assert.Empty(harness.ListeningSources);
    }

    [Fact]
    public async Task a_connector_calls_the_network_through_the_scripted_handler_and_uses_the_store_events_and_logs()
    {
        using var harness = PluginHarness.Create<PostingPlugin>(new PostingSettings { ApiKey = "s3cret-key" });
        harness.Http.Expect(HttpMethod.Post, "https://api.example.test/posts", HttpStatusCode.Created, """{"id":"p-77"}""");
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var published = await harness.Connector("posting").PublishAsync(Post("Hello"), CancellationToken.None);

        Assert.Equal("p-77", published.PlatformPostId);
        var request = Assert.Single(harness.Http.Requests);
        Assert.Equal("Bearer s3cret-key", request.Header("Authorization"));
        Assert.Equal("key-1", request.Header("Idempotency-Key"));
        Assert.Equal("""{"text":"Hello"}""", request.Body);
        Assert.Equal("p-77", await harness.Store.GetAsync("post:key-1"));
        var recorded = Assert.Single(harness.Events.OfType("post_published"));
        Assert.Equal(PluginHarness.DefaultStart.AddHours(2), recorded.RecordedAt);
        Assert.Contains("2026-01-01T11:00:00", recorded.Json, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Information && e.Message == "Published p-77");
        Assert.False(harness.Logs.Contains("s3cret-key"));
        harness.Http.VerifyAllResponsesUsed();
    }

    [Fact]
    public async Task a_connector_can_reach_a_local_network_on_a_clock_of_the_tests_choosing()
    {
        var serverClock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var network = new LocalNetwork();
        using var harness = PluginHarness.Create<PostingPlugin>().UseClock(serverClock);
        harness.Http.ForwardUnscriptedTo(network);

        var published = await harness.Connector("posting").PublishAsync(Post("Hello"), CancellationToken.None);

        Assert.Equal("p-local", published.PlatformPostId);
        Assert.Same(serverClock, harness.Context.Time);
        Assert.Single(network.Received);
        Assert.Single(harness.Http.Requests);
        var recorded = Assert.Single(harness.Events.OfType("post_published"));
        Assert.Contains("2030-06-01T12:00:00", recorded.Json, StringComparison.Ordinal);
        Assert.Equal(PluginHarness.DefaultStart, recorded.RecordedAt);
    }

    [Fact]
    public void the_clock_is_chosen_before_capabilities_are_built()
    {
        using var harness = PluginHarness.Create<PostingPlugin>();
        _ = harness.Connectors;

        Assert.Throws<InvalidOperationException>(() => harness.UseClock(TimeProvider.System));
        Assert.Same(harness.Clock, harness.Context.Time);
    }

    [Fact]
    public async Task a_refusal_from_the_network_reaches_the_plugin_classified()
    {
        using var harness = PluginHarness.Create<PostingPlugin>();
        harness.Http.Enqueue(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(30)));

        var failure = await Assert.ThrowsAsync<PlatformException>(() => harness.Connector("posting").PublishAsync(Post("Hello"), CancellationToken.None));

        Assert.Equal(PlatformFailure.RateLimited, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
        Assert.Empty(harness.Store.Values);
    }

    [Fact]
    public async Task settings_reach_capabilities_and_changes_apply_at_the_next_read()
    {
        using var harness = PluginHarness.Create<PostingPlugin>(new PostingSettings { BannedWord = "crypto" });
        var rule = harness.ContentRule("banned-word");

        Assert.Equal(RuleOutcome.Block, (await rule.EvaluateAsync(Samples.Draft("Buy crypto now"), CancellationToken.None)).Outcome);
        Assert.Equal(RuleOutcome.Pass, (await rule.EvaluateAsync(Samples.Draft("Buy spam now"), CancellationToken.None)).Outcome);

        harness.ChangeSettings(new PostingSettings { BannedWord = "spam" });

        Assert.Equal(RuleOutcome.Block, (await rule.EvaluateAsync(Samples.Draft("Buy spam now"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public void capabilities_get_a_fresh_copy_of_the_settings()
    {
        using var harness = PluginHarness.Create<PostingPlugin>(new PostingSettings { BannedWord = "crypto" });

        var copy = harness.Context.GetSettings<PostingSettings>();
        copy.BannedWord = "changed";

        Assert.Equal("crypto", harness.Context.GetSettings<PostingSettings>().BannedWord);
    }

    [Fact]
    public void settings_that_fail_validation_are_refused_with_every_problem()
    {
        var refused = Assert.Throws<PluginSettingsException>(() =>
            PluginHarness.Create<PostingPlugin>(new PostingSettings { ApiUrl = "not a url", ApiKey = "", BannedWord = "x" }));

        Assert.Equal(3, refused.Problems.Count);
        Assert.Contains(refused.Problems, p => p.ErrorMessage == "The API key is required.");
    }

    [Fact]
    public void a_bad_change_of_settings_leaves_the_current_ones()
    {
        using var harness = PluginHarness.Create<PostingPlugin>(new PostingSettings { BannedWord = "crypto" });

        Assert.Throws<PluginSettingsException>(() => harness.ChangeSettings(new PostingSettings { BannedWord = "x" }));
        Assert.Throws<InvalidOperationException>(() => harness.ChangeSettings(new object()));

        Assert.Equal("crypto", harness.Context.GetSettings<PostingSettings>().BannedWord);
    }

    [Fact]
    public void registration_the_host_would_refuse_fails()
    {
        using var duplicates = PluginHarness.Create<DuplicateKeyPlugin>();

        Assert.Throws<InvalidOperationException>(() => duplicates.ContentRules);
        Assert.Throws<InvalidOperationException>(() => PluginHarness.Create<TwiceSettingsPlugin>());
        Assert.Throws<ArgumentException>(() => PluginHarness.Create<PostingPlugin>(pluginId: "Not Valid"));
    }

    [Fact]
    public void asking_for_a_capability_that_is_not_there_names_what_is()
    {
        using var harness = PluginHarness.Create<PostingPlugin>();

        var missing = Assert.Throws<InvalidOperationException>(() => harness.ContentRule("nope"));

        Assert.Contains("banned-word", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_moderation_step_decides_on_sample_inbox_items()
    {
        using var harness = PluginHarness.Create<QuestionLabelPlugin>();
        var step = harness.ModerationStep("questions");

        var question = await step.DecideAsync(Samples.Moderation("Do you ship to Norway?"), CancellationToken.None);
        var praise = await step.DecideAsync(Samples.Moderation("Love it!"), CancellationToken.None);

        Assert.Equal(["question"], question.Labels);
        Assert.Same(Extensible.Sdk.Moderation.ModerationDecision.None, praise);
        Assert.Equal("1", await harness.Store.GetAsync("questions"));
        Assert.Null(harness.SettingsType);
    }

    /// <summary>A network running on this machine, as a test network would: it answers every post it gets.</summary>
    private sealed class LocalNetwork : HttpMessageHandler
    {
        public List<Uri> Received { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":"p-local"}""", System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
