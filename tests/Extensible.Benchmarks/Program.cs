using Extensible.Benchmarks;
using Microsoft.Extensions.Logging;

// Logs go to stderr so that stdout holds only the report.
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return args.FirstOrDefault() switch
    {
        "eventstore" => await EventStoreBenchmark.RunAsync(loggerFactory, Console.Out, cancellation.Token),
        "startup" => await StartupBenchmark.RunAsync(Console.Out, cancellation.Token),
        "publish" => await PublishBenchmark.RunAsync(loggerFactory, Console.Out, cancellation.Token),
        "inbox" => await InboxBenchmark.RunAsync(loggerFactory, Console.Out, args.ElementAtOrDefault(1), cancellation.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/Extensible.Benchmarks -- <benchmark>

          eventstore   Marten appends against raw Npgsql INSERT/COPY, batched and with 16 concurrent writers, in
                       interleaved rounds; then Marten's async daemon catching up over 200,000 events
          startup      the built Release host (build it first), process start to /readyz 200, median of 5 starts
          publish      the publisher against the sandbox network, in process: 10,000 targets due at one instant (drain
                       time), then 100 posts due over a minute (lateness p50/p99 from due to the sandbox's call);
                       duplicates counted from what the sandbox received
          inbox [part] the inbox in process (polling off): one-item webhook deliveries from 16 senders against raw single-row
                       commits (interleaved rounds); 10 console clients on the hub, items at 200/s, delivery to swap latency;
                       the console's lists and searches through InboxBoard over 1,000,000 items (p95 of 200 runs);
                       part ingest, live or lists runs that part alone (for profiling; no RESULT line)

        eventstore runs against a fresh embedded PostgreSQL (default, durable settings), or the server in
        EXTENSIBLE_BENCH_DB when set. startup runs the host with its own embedded PostgreSQL in a temporary data folder. publish and inbox run the host
        in process against the benchmark's PostgreSQL, with the sandbox plugin from the host's Release build output.
        """);
    return 2;
}
