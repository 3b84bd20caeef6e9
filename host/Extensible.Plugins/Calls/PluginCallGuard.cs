using Extensible.Plugins.Catalog;
using Extensible.Sdk.Connectors;

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
    private readonly TimeProvider _time;
    private readonly CircuitBreaker _breaker;
    private readonly CallStatsWindow _stats = new();
    private readonly Action<string, string> _onFailure;

    internal PluginCallGuard(string pluginId, PluginsOptions options, TimeProvider time, Action<string, string> onFailure)
    {
        _pluginId = pluginId;
        _timeout = options.CallTimeout;
        _time = time;
        _breaker = new CircuitBreaker(options.BreakerFailures, options.BreakDuration, time);
        _onFailure = onFailure;
    }

    /// <summary>The statistics shown in the console and the API.</summary>
    public PluginCallStats Stats
    {
        get
        {
            var (calls, failures, p95) = _stats.Read();
            return new PluginCallStats(calls, failures, p95, _breaker.State);
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
        if (!_breaker.TryEnter())
        {
            _stats.Refused();
            throw new PluginCallException(_pluginId, PluginCallFailure.BreakerOpen,
                $"The plugin '{_pluginId}' failed repeatedly and is paused for a while (circuit breaker open); {operation} was not called.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = _time.GetTimestamp();
        // Task.Run: a plugin that blocks its thread before its first await must not block the caller's.
        var running = Task.Run(() => call(timeout.Token), CancellationToken.None);
        try
        {
            var result = await running.WaitAsync(_timeout, _time, cancellationToken);
            Done(started, failed: false);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await timeout.CancelAsync();
            _breaker.Succeeded();
            _stats.Record(_time.GetElapsedTime(started), failed: false);
            throw;
        }
        catch (TimeoutException) when (!running.IsCompleted)
        {
            await timeout.CancelAsync();
            ObserveLater(running);
            Done(started, failed: true);
            var message = $"The plugin '{_pluginId}' did not answer {operation} within {_timeout.TotalSeconds:0.###} s.";
            _onFailure(operation, message);
            throw new PluginCallException(_pluginId, PluginCallFailure.TimedOut, message);
        }
        catch (PlatformException)
        {
            // The plugin worked; the network refused. Not the plugin's failure.
            Done(started, failed: false);
            throw;
        }
        catch (Exception e) when (e is not PluginCallException)
        {
            Done(started, failed: true);
            var message = $"The plugin '{_pluginId}' failed in {operation}: {e.GetType().Name}: {e.Message}";
            _onFailure(operation, message);
            throw new PluginCallException(_pluginId, PluginCallFailure.Threw, message);
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

    private void Done(long started, bool failed)
    {
        _stats.Record(_time.GetElapsedTime(started), failed);
        if (failed)
        {
            _breaker.Failed();
        }
        else
        {
            _breaker.Succeeded();
        }
    }

    // An abandoned call's eventual exception is observed, not left to crash the finalizer thread's reporting.
    private static void ObserveLater(Task task) => task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
