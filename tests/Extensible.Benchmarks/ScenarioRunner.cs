using System.Diagnostics;

namespace Extensible.Benchmarks;

/// <summary>
/// Runs a scenario's writers flat out: a warm-up, then a timed phase that counts the events of the operations that
/// completed within it. Writers stop between operations, never in the middle of one.
/// </summary>
internal sealed class ScenarioRunner(TimeSpan warmUp, TimeSpan measure)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var phase = new Phase();
        var clock = Stopwatch.StartNew();
        var writers = new WriterTally[scenario.Writers];
        var tasks = new Task[scenario.Writers];
        for (var i = 0; i < scenario.Writers; i++)
        {
            writers[i] = new WriterTally();
            var write = scenario.CreateWriter(i);
            var tally = writers[i];
            tasks[i] = Task.Run(() => WriteUntilStoppedAsync(write, tally, phase, cancellationToken), cancellationToken);
        }

        try
        {
            await Task.WhenAny(Task.Delay(warmUp, cancellationToken), Task.WhenAny(tasks));
            phase.StartMeasuring(clock.Elapsed);
            await Task.WhenAny(Task.Delay(measure, cancellationToken), Task.WhenAny(tasks));
        }
        finally
        {
            phase.Stop(clock.Elapsed);
            await Task.WhenAll(tasks);
        }

        var durations = writers.SelectMany(w => w.Milliseconds).Order().ToArray();
        return new ScenarioResult(scenario.Name, scenario.Writers, writers.Sum(w => w.Events), durations.Length, phase.Elapsed, durations);

        async Task WriteUntilStoppedAsync(Func<CancellationToken, Task<int>> write, WriterTally tally, Phase phase, CancellationToken cancellationToken)
        {
            while (!phase.Stopped)
            {
                var started = clock.Elapsed;
                var events = await write(cancellationToken);
                var ended = clock.Elapsed;
                if (phase.Counts(started, ended))
                {
                    tally.Events += events;
                    tally.Milliseconds.Add((ended - started).TotalMilliseconds);
                }
            }
        }
    }

    /// <summary>One writer's count; only that writer touches it until the run ends.</summary>
    private sealed class WriterTally
    {
        public long Events { get; set; }

        public List<double> Milliseconds { get; } = [];
    }

    /// <summary>Where the run is: warming up, measuring, or stopped; an operation counts when it ends inside the timed phase.</summary>
    private sealed class Phase
    {
        private readonly Lock _gate = new();
        private TimeSpan? _from;
        private TimeSpan? _to;

        public bool Stopped
        {
            get
            {
                lock (_gate)
                {
                    return _to is not null;
                }
            }
        }

        public TimeSpan Elapsed
        {
            get
            {
                lock (_gate)
                {
                    return _to - _from ?? TimeSpan.Zero;
                }
            }
        }

        public void StartMeasuring(TimeSpan at)
        {
            lock (_gate)
            {
                _from ??= at;
            }
        }

        public void Stop(TimeSpan at)
        {
            lock (_gate)
            {
                _from ??= at;
                _to ??= at;
            }
        }

        public bool Counts(TimeSpan started, TimeSpan ended)
        {
            lock (_gate)
            {
                return _from is { } from && ended >= from && (_to is not { } to || ended <= to);
            }
        }
    }
}
