using System.Diagnostics;
using System.Net;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Calls;

/// <summary>
/// A plugin that throws or hangs costs its callers one timeout at most: the host keeps serving, other plugins keep
/// answering, failures are counted, the breaker opens, and the failure events are rate-limited.
/// </summary>
public sealed class plugin_calls_are_guarded(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task throwing_and_hanging_plugins_stall_nobody_and_open_their_breaker()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.thrower", Source = FixturePlugin.RuleSource(evaluate: "throw new InvalidOperationException(\"rule boom\")") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.hanger", Source = FixturePlugin.RuleSource(evaluate: "HangAsync()") }
            .WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.blocker", Source = FixturePlugin.RuleSource(evaluate: "Block()") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.good", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Installed);
        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders);
        Assert.All(host.Catalog.List(), p => Assert.Equal(PluginState.Running, p.State));

        var thrower = Rule(host, "acme.thrower");
        var threw = await Assert.ThrowsAsync<PluginCallException>(() => thrower.CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct)));
        Assert.Equal(PluginCallFailure.Threw, threw.Failure);
        Assert.Contains("rule boom", threw.Message);

        // Warm up (JIT, connections) so that timing below measures the guard, not a cold start.
        (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        await Rule(host, "acme.good").CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));

        // The hanging (async) and the blocking (sync) rules time out after 3 s while the host serves requests.
        var clock = Stopwatch.StartNew();
        var hanging = Rule(host, "acme.hanger").CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));
        var blocking = Rule(host, "acme.blocker").CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));
        using (var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var good = await Rule(host, "acme.good").CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));
        Assert.Equal(Sdk.Content.RuleOutcome.Pass, good.Outcome);
        // Answered while the hanging calls are still waiting for their timeout.
        Assert.False(hanging.IsCompleted, $"Other calls waited {clock.Elapsed} for the hanging plugins.");
        Assert.Equal(PluginCallFailure.TimedOut, (await Assert.ThrowsAsync<PluginCallException>(() => hanging)).Failure);
        Assert.Equal(PluginCallFailure.TimedOut, (await Assert.ThrowsAsync<PluginCallException>(() => blocking)).Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The timeouts took {clock.Elapsed}.");

        // Three failures in a row open the breaker: the fourth call is not made.
        await Assert.ThrowsAsync<PluginCallException>(() => thrower.CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct)));
        await Assert.ThrowsAsync<PluginCallException>(() => thrower.CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct)));
        var refused = await Assert.ThrowsAsync<PluginCallException>(() => thrower.CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct)));
        Assert.Equal(PluginCallFailure.BreakerOpen, refused.Failure);
        var stats = host.Catalog.Find("acme.thrower")!.Calls;
        Assert.Equal(BreakerState.Open, stats.Breaker);
        Assert.Equal(4, stats.Calls);
        Assert.Equal(4, stats.Failures);
        Assert.Equal(2, host.Catalog.Find("acme.good")!.Calls.Calls);
        Assert.True(host.Catalog.Find("acme.good")!.Calls.P95 > TimeSpan.Zero);

        // One event for the burst, not one per failure.
        // Whether a failure is recorded is decided before its call throws, so by now every failure has been decided.
        await Eventually.HoldsAsync(async () => (await host.EventsAsync("plugin_call_failed", "acme.thrower")).Count > 0, "the call failure is recorded");
        Assert.Single(await host.EventsAsync("plugin_call_failed", "acme.thrower"));
    }

    private static GuardedCapability<Sdk.Content.IContentRule> Rule(PluginsHost host, string id) => host.Capabilities.ContentRules.Single(r => r.PluginId == id);
}
