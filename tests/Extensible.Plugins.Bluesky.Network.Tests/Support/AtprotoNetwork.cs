using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Extensible.Testing;
using Npgsql;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>
/// The AT Protocol reference network (@atproto/dev-env: a PLC directory, a PDS and the Bluesky AppView) running on
/// loopback for the whole test run, its databases in a fresh database of the tests' PostgreSQL. It is started by
/// atproto/start-network.mjs with the Node.js that ensure-atproto.sh installed, and stopped by closing that script's
/// stdin, which also happens when the test process dies, so nothing is left running.
/// </summary>
public sealed class AtprotoNetwork : IAsyncLifetime
{
    /// <summary>How long the network may take to start: about 8 s on two cores, far more while they build something else.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(20);
    private const int KeptLogLines = 200;

    private readonly TestDatabase database = new();
    private readonly Queue<string> log = new();
    private readonly SocketsHttpHandler handler = new() { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10) };
    private Process? process;
    private Task? stdoutDrain;

    public AtprotoNetwork()
    {
        Http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        Xrpc = new AtprotoXrpc(Http);
    }

    /// <summary>The PDS, where accounts live and records are written; it proxies app.bsky.* to the AppView.</summary>
    public Uri Pds { get; private set; } = null!;

    /// <summary>The AppView, which indexes the PDS's records in the background (notifications, threads, counts).</summary>
    public Uri AppView { get; private set; } = null!;

    /// <summary>The AppView's own DID (not did:web:api.bsky.app, as on the real network).</summary>
    public string AppViewDid { get; private set; } = "";

    /// <summary>The PLC directory the accounts' DIDs are registered in.</summary>
    public Uri Plc { get; private set; } = null!;

    /// <summary>The <c>atproto-proxy</c> header value that names this network's AppView.</summary>
    public string AppViewProxy => $"{AppViewDid}#bsky_appview";

    /// <summary>How long the network took to start, as the start script measured it.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>A real HTTP handler for the network, to hand a connector (through the plugin harness).</summary>
    public HttpMessageHandler Handler => handler;

    /// <summary>A plain client for the network.</summary>
    public HttpClient Http { get; }

    /// <summary>Raw XRPC calls, for setting up and checking what the connector did.</summary>
    public AtprotoXrpc Xrpc { get; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var install = AtprotoInstall.Find();
        await database.InitializeAsync();

        var start = new ProcessStartInfo(install.Node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { AtprotoInstall.StartScript, "--modules", install.Folder, "--db", PostgresUrl(database.ConnectionString), "--schema", "net" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {install.Node}.");
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartDeadline);
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"The AT Protocol network stopped before it was ready (exit code {ExitCode()}).{LogTail()}");
                if (line.StartsWith('{') && Ready(line))
                {
                    break;
                }

                Keep(line);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AT Protocol network was not ready within {StartDeadline.TotalSeconds:0} s.{LogTail()}");
        }

        stdoutDrain = DrainAsync(process.StandardOutput);
    }

    /// <summary>Creates an account on the PDS with a handle made of <paramref name="name"/>, and an app password for it.</summary>
    /// <param name="name">A short lower-case name (letters, digits); a random suffix keeps handles unique.</param>
    public async Task<AtprotoAccount> CreateAccountAsync(string name)
    {
        var handle = $"{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}.test";
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        var created = await Xrpc.ProcedureAsync(Pds, "com.atproto.server.createAccount",
            new { handle, email = $"{handle}@example.test", password });
        var accessJwt = created.GetProperty("accessJwt").GetString()!;
        var appPassword = await Xrpc.ProcedureAsync(Pds, "com.atproto.server.createAppPassword",
            new { name = "Extensible" }, accessJwt);
        return new AtprotoAccount(
            created.GetProperty("did").GetString()!,
            handle,
            password,
            accessJwt,
            appPassword.GetProperty("password").GetString()!);
    }

    /// <summary>
    /// Waits until the AppView serves the post at <paramref name="uri"/>. Its indexer takes each repository's events in
    /// turn, so a reply written before the AppView knows its parent makes no notification for the parent's author, as
    /// on Bluesky itself: a person replies to what they saw, which the AppView had indexed.
    /// </summary>
    public Task IndexedAsync(string uri, AtprotoAccount viewer) =>
        Eventually.HoldsAsync(async () =>
            (await Xrpc.QueryAsync(Pds, "app.bsky.feed.getPosts", $"uris={Uri.EscapeDataString(uri)}", viewer.AccessJwt))
                .GetProperty("posts").GetArrayLength() == 1,
            $"the AppView indexes {uri}");

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                // Its end of stdin is what the start script waits for; it then stops every service.
                process.StandardInput.Close();
                using var deadline = new CancellationTokenSource(StopDeadline);
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                process.Kill(entireProcessTree: true);
            }
            finally
            {
                if (stdoutDrain is not null)
                {
                    await stdoutDrain;
                }

                process.Dispose();
            }
        }

        Http.Dispose();
        handler.Dispose();
        await database.DisposeAsync();
    }

    /// <summary>The network's last log lines, for a failure message.</summary>
    public string LogTail()
    {
        lock (log)
        {
            return log.Count == 0 ? "" : $"{Environment.NewLine}Its last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, log)}";
        }
    }

    /// <summary>node-postgres takes a URL; the tests' server is reached through its Unix socket folder, or over TCP.</summary>
    private static string PostgresUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(builder.Username ?? "postgres");
        var password = builder.Password is { Length: > 0 } secret ? ":" + Uri.EscapeDataString(secret) : "";
        var databaseName = Uri.EscapeDataString(builder.Database!);
        var host = builder.Host ?? "localhost";
        return host.StartsWith('/')
            ? $"postgresql://{user}{password}@localhost:{builder.Port}/{databaseName}?host={Uri.EscapeDataString(host)}"
            : $"postgresql://{user}{password}@{host}:{builder.Port}/{databaseName}";
    }

    private bool Ready(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("ready", out var ready) || !ready.GetBoolean())
            {
                return false;
            }

            Pds = new Uri(root.GetProperty("pds").GetString()!);
            AppView = new Uri(root.GetProperty("appview").GetString()!);
            AppViewDid = root.GetProperty("appviewDid").GetString()!;
            Plc = new Uri(root.GetProperty("plc").GetString()!);
            StartupTime = TimeSpan.FromMilliseconds(root.GetProperty("startupMs").GetInt64());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task DrainAsync(StreamReader stdout)
    {
        while (await stdout.ReadLineAsync() is { } line)
        {
            Keep(line);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Enqueue(line);
            while (log.Count > KeptLogLines)
            {
                log.Dequeue();
            }
        }
    }

    private string ExitCode() => process is { HasExited: true } ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none yet";
}
