using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Extensible.Benchmarks;

/// <summary>
/// <c>startup</c>: how long the built Release host takes from process start to <c>/readyz</c> answering 200, with a data
/// folder whose embedded PostgreSQL cluster a warm-up start has already initialized. Each start is stopped with
/// SIGTERM and waited for, so its PostgreSQL is stopped before the next one starts.
/// </summary>
internal static class StartupBenchmark
{
    private const int Starts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var host = Path.Combine(RepositoryRoot(), "host", "Extensible.Host", "bin", "Release", "net10.0", "Extensible.Host.dll");
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"{host} is missing: build it first (dotnet build host/Extensible.Host -c Release).");
            return 1;
        }

        // Under /tmp, so that the postgres account can enter it when the host runs as root.
        var dataDir = Path.Combine(Path.GetTempPath(), "extensible-startup-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        output.WriteLine($"Extensible host start-up benchmark — dotnet {host}");
        output.WriteLine($"data folder {dataDir} (embedded PostgreSQL, initialized by a warm-up start); client: {Environment.ProcessorCount} cores");
        output.WriteLine($"{Starts} timed starts: process start until GET /readyz answers 200 (polled every 10 ms), then SIGTERM and wait for exit.");
        try
        {
            var warmUp = await StartAndStopAsync(host, dataDir, cancellationToken);
            output.WriteLine(Invariant($"warm-up start (initdb, schema): ready in {warmUp.Ready.TotalMilliseconds:F0} ms, stopped in {warmUp.Stopped.TotalMilliseconds:F0} ms"));
            var starts = new List<(TimeSpan Ready, TimeSpan Stopped, HostLog Log)>();
            for (var i = 1; i <= Starts; i++)
            {
                var start = await StartAndStopAsync(host, dataDir, cancellationToken);
                starts.Add(start);
                output.WriteLine(Invariant($"start {i}: ready in {start.Ready.TotalMilliseconds:F0} ms, stopped in {start.Stopped.TotalMilliseconds:F0} ms"));
            }

            var middle = starts.OrderBy(s => s.Ready).ElementAt(Starts / 2);
            var median = middle.Ready.TotalMilliseconds;
            output.WriteLine();
            output.WriteLine("the median start's output until ready, with when each line arrived (ms after process start):");
            foreach (var (at, line) in middle.Log.Until(middle.Ready))
            {
                output.WriteLine(Invariant($"{at.TotalMilliseconds,7:F0}  {(line.Length > 140 ? line[..140] : line)}"));
            }

            output.WriteLine();
            output.WriteLine(Invariant($"RESULT startup ready_ms={median:F0}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static async Task<(TimeSpan Ready, TimeSpan Stopped, HostLog Log)> StartAndStopAsync(string host, string dataDir, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var folder = Path.GetDirectoryName(host)!;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(host);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Invariant($"http://127.0.0.1:{port}"));
        info.Environment["Extensible__DataDir"] = dataDir;
        info.Environment["ASPNETCORE_CONTENTROOT"] = folder;
        info.Environment.Remove("ConnectionStrings__Extensible");

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var log = new HostLog(clock);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = await WaitUntilReadyAsync(client, port, process, clock, log, cancellationToken);
            var stopping = clock.Elapsed;
            await StopAsync(process, log, cancellationToken);
            return (ready, clock.Elapsed - stopping, log);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<TimeSpan> WaitUntilReadyAsync(HttpClient client, int port, Process process, Stopwatch clock, HostLog log, CancellationToken cancellationToken)
    {
        var readyz = new Uri(Invariant($"http://127.0.0.1:{port}/readyz"));
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready:\n{log}");
            }

            try
            {
                using var response = await client.GetAsync(readyz, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {StartTimeout.TotalSeconds:F0} s:\n{log}");
    }

    /// <summary>SIGTERM, as a service manager stops it; the host stops its embedded PostgreSQL before it exits.</summary>
    private static async Task StopAsync(Process process, HostLog log, CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The host exited with code {process.ExitCode} after SIGTERM:\n{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Extensible.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Extensible.sln above {AppContext.BaseDirectory}: run the benchmark from a checkout.");
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The host's output lines with when each arrived: where a start spends its time, or why it failed.</summary>
    private sealed class HostLog(Stopwatch clock)
    {
        private readonly List<(TimeSpan At, string Line)> _lines = [];
        private readonly Lock _gate = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _lines.Add((clock.Elapsed, line));
            }
        }

        public IReadOnlyList<(TimeSpan At, string Line)> Until(TimeSpan at)
        {
            lock (_gate)
            {
                return [.. _lines.Where(l => l.At <= at && l.Line.Trim().Length > 0)];
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return string.Join('\n', _lines.TakeLast(40).Select(l => l.Line));
            }
        }
    }
}
