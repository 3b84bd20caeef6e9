using System.ComponentModel.DataAnnotations;
using Extensible.Plugins.Catalog;
using Extensible.Sdk.Connectors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Extensible.Plugins.Calls;

/// <summary>
/// Every host call into one plugin goes through here: a timeout, the caller's cancellation, exceptions captured
/// (reported, never rethrown as the plugin's own), a circuit breaker and call statistics. A plugin that hangs or
/// throws stalls nobody but itself.
/// </summary>
public sealed class PluginCallGuard
{
    private readonly string _pluginId;
    private readonly TimeSpan _timeout;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private readonly CallStatsListener _stats = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly Action<string, string> _onFailure;

    internal PluginCallGuard(string pluginId, PluginsOptions options, TimeProvider time, Action<string, string> onFailure)
    {
        _pluginId = pluginId;
        _timeout = options.CallTimeout;
        _pipeline = Pipeline(options, time, _breaker, _stats);
        _onFailure = onFailure;
    }

    /// <summary>The statistics shown in the console and the API.</summary>
    public PluginCallStats Stats
    {
        get
        {
            var (calls, failures, p95) = _stats.Read();
            var breaker = _breaker.CircuitState switch
            {
                CircuitState.Closed => BreakerState.Closed,
                CircuitState.HalfOpen => BreakerState.HalfOpen,
                _ => BreakerState.Open,
            };
            return new PluginCallStats(calls, failures, p95, breaker);
        }
    }

    /// <summary>Calls into the plugin under guard.</summary>
    /// <param name="operation">What is called, for the log and the event (<c>PublishAsync</c>).</param>
    /// <param name="call">The call; it gets a token cancelled at the timeout or when <paramref name="cancellationToken"/> is.</param>
    /// <param name="cancellationToken">The caller's cancellation: it cancels the call and is not counted as the plugin's failure.</param>
    /// <exception cref="PluginCallException">The plugin threw, timed out or its breaker is open.</exception>
    /// <exception cref="PlatformException">A connector reported the network's refusal: passed on as the SDK defines it.</exception>
    public async Task<TResult> CallAsync<TResult>(string operation, Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await _pipeline.ExecuteAsync(token => RunAsync(operation, call, token), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            throw new PluginCallException(_pluginId, PluginCallFailure.BreakerOpen,
                $"The plugin '{_pluginId}' failed repeatedly and is paused for a while (circuit breaker open); {operation} was not called.");
        }
        catch (TimeoutRejectedException)
        {
            var message = $"The plugin '{_pluginId}' did not answer {operation} within {_timeout.TotalSeconds:0.###} s.";
            _onFailure(operation, message);
            throw new PluginCallException(_pluginId, PluginCallFailure.TimedOut, message);
        }
        catch (PluginCallException e)
        {
            _onFailure(operation, e.Message);
            throw;
        }
    }

    /// <summary>Calls into the plugin under guard, for calls without a result.</summary>
    /// <exception cref="PluginCallException">The plugin threw, timed out or its breaker is open.</exception>
    public Task CallAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CallAsync(operation, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The breaker (outside) counts what the timeout (inside) rejects. Polly's breaker counts a ratio over a window, not
    /// failures in a row: it opens once at least <see cref="PluginsOptions.BreakerFailures"/> calls within
    /// <see cref="PluginsOptions.BreakerSamplingDuration"/> all failed.
    /// </summary>
    internal static ResiliencePipeline Pipeline(PluginsOptions options, TimeProvider time, CircuitBreakerStateProvider? breaker = null, CallStatsListener? stats = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time, TelemetryListener = stats }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakerFailures,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                // A caller's cancellation or a platform's refusal is not the plugin's failure.
                ShouldHandle = new PredicateBuilder().Handle<PluginCallException>().Handle<TimeoutRejectedException>(),
                StateProvider = breaker,
            })
            .AddTimeout(options.CallTimeout)
            .Build();

    /// <summary>Whether Polly takes the timeout and breaker settings (checked at start, not at the first plugin's load).</summary>
    internal static bool Accepts(PluginsOptions options)
    {
        try
        {
            Pipeline(options, TimeProvider.System);
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }

    private async ValueTask<TResult> RunAsync<TResult>(string operation, Func<CancellationToken, Task<TResult>> call, CancellationToken token)
    {
        // Polly pools its token sources: the plugin gets one of its own, which no later call can cancel.
        using var own = CancellationTokenSource.CreateLinkedTokenSource(token);
        // Task.Run: a plugin that blocks its thread before its first await must not block the caller's.
        var running = Task.Run(() => call(own.Token), CancellationToken.None);
        try
        {
            // WaitAsync: a plugin that ignores its token is abandoned at the timeout, not awaited.
            return await running.WaitAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            ObserveLater(running);
            // A fresh exception: the plugin's own would be kept by the breaker and pin the plugin in memory.
            throw new OperationCanceledException(token);
        }
        catch (PlatformException)
        {
            // The plugin worked; the network refused.
            throw;
        }
        catch (Exception e)
        {
            throw new PluginCallException(_pluginId, PluginCallFailure.Threw, $"The plugin '{_pluginId}' failed in {operation}: {e.GetType().Name}: {e.Message}");
        }
    }

    // An abandoned call's eventual exception is observed, not left to crash the finalizer thread's reporting.
    private static void ObserveLater(Task task) => task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
