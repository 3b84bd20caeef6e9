using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Plugins.Tests.Calls;

/// <summary>
/// One plugin's guard on a fake clock: the breaker refuses calls for its break, then one trial call closes or reopens it;
/// a call that ignores its token is abandoned at the timeout; a caller's cancellation is not the plugin's failure.
/// </summary>
public sealed class a_plugins_breaker_and_timeout_follow_the_clock
{
    private static readonly PluginsOptions Options = new()
    {
        CallTimeout = TimeSpan.FromSeconds(5),
        BreakerFailures = 2,
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _reported = [];
    private readonly PluginCallGuard _guard;

    public a_plugins_breaker_and_timeout_follow_the_clock() => _guard = new PluginCallGuard("acme.flaky", Options, _time, (_, message) => _reported.Add(message));

    [Fact]
    public async Task an_open_breaker_lets_one_trial_through_after_its_break_and_its_success_closes_it()
    {
        await OpenTheBreakerAsync();
        _time.Advance(Options.BreakDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(PluginCallFailure.BreakerOpen, (await Assert.ThrowsAsync<PluginCallException>(() => _guard.CallAsync("EvaluateAsync", _ => Task.FromResult(1)))).Failure);

        _time.Advance(TimeSpan.FromSeconds(1));
        var trialGoesOn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trial = _guard.CallAsync("EvaluateAsync", _ => trialGoesOn.Task);
        Assert.Equal(BreakerState.HalfOpen, _guard.Stats.Breaker);
        // While the trial runs, the others are still refused.
        Assert.Equal(PluginCallFailure.BreakerOpen, (await Assert.ThrowsAsync<PluginCallException>(() => _guard.CallAsync("EvaluateAsync", _ => Task.FromResult(1)))).Failure);

        trialGoesOn.SetResult(7);
        Assert.Equal(7, await trial);
        Assert.Equal(BreakerState.Closed, _guard.Stats.Breaker);
        Assert.Equal(8, await _guard.CallAsync("EvaluateAsync", _ => Task.FromResult(8)));
        Assert.Equal((6L, 4L), (_guard.Stats.Calls, _guard.Stats.Failures));
    }

    [Fact]
    public async Task a_failed_trial_opens_the_breaker_for_another_break()
    {
        await OpenTheBreakerAsync();
        _time.Advance(Options.BreakDuration);

        Assert.Equal(PluginCallFailure.Threw, (await Assert.ThrowsAsync<PluginCallException>(() => _guard.CallAsync<int>("EvaluateAsync", _ => throw new InvalidOperationException("still broken")))).Failure);

        Assert.Equal(BreakerState.Open, _guard.Stats.Breaker);
        _time.Advance(Options.BreakDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(PluginCallFailure.BreakerOpen, (await Assert.ThrowsAsync<PluginCallException>(() => _guard.CallAsync("EvaluateAsync", _ => Task.FromResult(1)))).Failure);
    }

    [Fact]
    public async Task a_call_that_ignores_its_token_is_abandoned_at_the_timeout()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = _guard.CallAsync("EvaluateAsync", _ =>
        {
            started.SetResult();
            return new TaskCompletionSource<int>().Task;
        });
        await started.Task;

        _time.Advance(Options.CallTimeout);

        var timedOut = await Assert.ThrowsAsync<PluginCallException>(() => call);
        Assert.Equal(PluginCallFailure.TimedOut, timedOut.Failure);
        Assert.Equal(timedOut.Message, Assert.Single(_reported));
        Assert.Equal((1L, 1L, Options.CallTimeout), (_guard.Stats.Calls, _guard.Stats.Failures, _guard.Stats.P95));
    }

    [Fact]
    public async Task a_callers_cancellation_cancels_the_call_and_is_not_the_plugins_failure()
    {
        using var caller = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = _guard.CallAsync("EvaluateAsync", async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return 1;
        }, caller.Token);
        await started.Task;

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(_reported);
        Assert.Equal((1L, 0L, BreakerState.Closed), (_guard.Stats.Calls, _guard.Stats.Failures, _guard.Stats.Breaker));
    }

    private async Task OpenTheBreakerAsync()
    {
        for (var i = 0; i < Options.BreakerFailures; i++)
        {
            await Assert.ThrowsAsync<PluginCallException>(() => _guard.CallAsync<int>("EvaluateAsync", _ => throw new InvalidOperationException("boom")));
        }

        Assert.Equal(BreakerState.Open, _guard.Stats.Breaker);
        Assert.Equal(Options.BreakerFailures, _reported.Count);
    }
}
