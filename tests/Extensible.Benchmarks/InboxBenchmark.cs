using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Extensible.Benchmarks.Inbox;
using Extensible.Host;
using Extensible.Inbox.Threads;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// <c>inbox</c>: the inbox of one host (in process, default settings, polling off) with the sandbox network from the
/// host's build output. (1) Ingest: one-item webhook deliveries from 16 concurrent senders over HTTP, each answered 200
/// once stored and projected, against raw single-row INSERT commits from 16 writers, in interleaved rounds. (2) Live:
/// 10 console clients on the hub watching the inbox while items arrive at 200/s: from each delivery's start to each
/// client's first swap carrying the item. (3) Lists at a million items: the console's first page, a filtered page and
/// searches through <see cref="InboxBoard"/>.
/// </summary>
internal static class InboxBenchmark
{
    private const int Accounts = 4;
    private const int Rounds = 3;
    private const int Consoles = 10;
    private const int LiveRate = 200;
    private const int QueryRuns = 200;
    private static readonly TimeSpan FirstWarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LiveDuration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LivePatience = TimeSpan.FromSeconds(15);
    private const string OwnerEmail = "bench@example.com";
    private const string OwnerPassword = "correct horse battery";

    /// <summary>Runs the benchmark; <paramref name="only"/> (ingest, live or lists) runs one part alone, for profiling (no RESULT line then).</summary>
    public static async Task<int> RunAsync(ILoggerFactory loggerFactory, TextWriter output, string? only, CancellationToken cancellationToken)
    {
        if (only is not (null or "ingest" or "live" or "lists"))
        {
            Console.Error.WriteLine($"inbox: unknown part '{only}'; give ingest, live or lists, or nothing for all three.");
            return 2;
        }

        var hostOutput = Path.Combine(PublishBenchmark.RepositoryRoot(), "host", "Extensible.Host", "bin", "Release", "net10.0");
        if (!Directory.Exists(Path.Combine(hostOutput, "plugins", "extensible.sandbox")))
        {
            Console.Error.WriteLine($"{hostOutput}/plugins has no sandbox: build the host first (dotnet build host/Extensible.Host -c Release).");
            return 1;
        }

        await using var database = await BenchmarkDatabase.StartAsync(loggerFactory.CreateLogger("Extensible.EmbeddedPostgres"), cancellationToken);
        var dataDir = Path.Combine(Path.GetTempPath(), "extensible-inbox-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        var app = await ExtensibleApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={database.DataSource.ConnectionString}",
            $"--Extensible:DataDir={dataDir}", $"--Extensible:Plugins:BundledPath={Path.Combine(hostOutput, "plugins")}", "--Extensible:Inbox:Polling=false",
            "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ], cancellationToken: cancellationToken);
        var raw = new RawBaselines(database.DataSource, new InboxWorkload(InboxEventGenerator.Generate(10_000)));
        try
        {
            await app.StartAsync(cancellationToken);
            var services = app.Services;
            var address = new Uri(app.Urls.First());
            output.WriteLine($"Extensible inbox benchmark — host in process at {address}, default settings, inbox polling off, {database.Description}");
            output.WriteLine($"server: {await database.DescribeDurabilityAsync(cancellationToken)}; client: {Environment.ProcessorCount} cores");

            var (ownerId, workspaceId) = await services.GetRequiredService<PeopleService>().SetUpAsync(OwnerEmail, "Bench", OwnerPassword, "Bench", cancellationToken);
            var accounts = new List<(Guid AccountId, string PlatformAccountId)>();
            for (var i = 0; i < Accounts; i++)
            {
                var accountId = await PublishBenchmark.ConnectAsync(services, ownerId, workspaceId, cancellationToken);
                var account = await services.GetRequiredService<AccountDirectory>().FindByIdAsync(accountId, cancellationToken);
                accounts.Add((accountId, account!.PlatformAccountId));
            }

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address };
            var sender = new SandboxWebhookSender(client, accounts);

            await raw.CreateTablesAsync(cancellationToken);
            if (only is not null)
            {
                _ = only switch
                {
                    "ingest" => await IngestAsync(database.DataSource, services.GetRequiredService<NpgsqlDataSource>(), raw, sender, output, cancellationToken),
                    "live" => ((await LiveAsync(services, address, sender, output, cancellationToken)).P99, 0d),
                    _ => await ListsAsync(services, output, cancellationToken),
                };
                output.WriteLine($"(only the {only} part ran: no RESULT line)");
                return 0;
            }

            var (ratio, ingestIps) = await IngestAsync(database.DataSource, services.GetRequiredService<NpgsqlDataSource>(), raw, sender, output, cancellationToken);
            var live = await LiveAsync(services, address, sender, output, cancellationToken);
            var (listP95, searchP95) = await ListsAsync(services, output, cancellationToken);

            output.WriteLine();
            output.WriteLine(Invariant($"RESULT inbox ingest_ratio={ratio:F2} ingest_ips={ingestIps:F0} live_p50_ms={live.P50:F0} live_p99_ms={live.P99:F0} list_p95_ms={listP95:F1} search_p95_ms={searchP95:F1}"));
            return live.Complete ? 0 : 1;
        }
        finally
        {
            await raw.DropTablesAsync(CancellationToken.None);
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    /// <summary>(1) Webhook deliveries against raw single-row commits, interleaved; the ratio over all rounds.</summary>
    private static async Task<(double Ratio, double ItemsPerSecond)> IngestAsync(
        NpgsqlDataSource dataSource, NpgsqlDataSource hostDataSource, RawBaselines raw, SandboxWebhookSender sender, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine(Invariant($"(1) ingest: {InboxWorkload.ConcurrentWriters} concurrent senders of one-item webhook deliveries (HTTP to Kestrel, signed, answered 200 once stored and"));
        output.WriteLine(Invariant($"    projected; comments, 10 per thread, {Accounts} accounts) against raw single-row INSERT commits from {InboxWorkload.ConcurrentWriters} writers (RawBaselines (c));"));
        output.WriteLine(Invariant($"    an unmeasured {FirstWarmUp.TotalSeconds:F0} s of deliveries, then {Rounds} interleaved rounds, warm-up {WarmUp.TotalSeconds:F0} s, timed {Measure.TotalSeconds:F0} s per scenario and round"));
        var runner = new ScenarioRunner(WarmUp, Measure);
        var results = new List<ScenarioResult>();
        var rawRounds = new List<ScenarioResult>();
        var webhookRounds = new List<ScenarioResult>();
        async Task<ScenarioResult> Run(int round, Scenario scenario)
        {
            await EventStoreBenchmark.CheckpointAsync(dataSource, cancellationToken);
            var result = await runner.RunAsync(scenario, cancellationToken);
            results.Add(result with { Name = Invariant($"{round} {result.Name}") });
            return result;
        }

        // The first deliveries pay for JIT compilation and the host's first-use caches (more than a round's warm-up on a
        // loaded machine): an unmeasured round of deliveries first.
        await new ScenarioRunner(FirstWarmUp, TimeSpan.FromSeconds(1)).RunAsync(Webhooks(sender, 0), cancellationToken);
        for (var round = 1; round <= Rounds; round++)
        {
            rawRounds.Add(await Run(round, raw.SingleInserts(round)));
            webhookRounds.Add(await Run(round, Webhooks(sender, round)));
            output.WriteLine(Invariant($"    round {round}: ingest_ratio={Report.Ratio(webhookRounds[^1], rawRounds[^1]):F2}"));
        }

        Report.PrintTable(output, results);
        var (rawAll, webhookAll) = (ScenarioResult.Combine(rawRounds), ScenarioResult.Combine(webhookRounds));
        output.WriteLine(Invariant($"    all rounds: webhook {webhookAll.EventsPerSecond:F0} items/s, raw {rawAll.EventsPerSecond:F0} rows/s, ingest_ratio={Report.Ratio(webhookAll, rawAll):F2}"));

        // Answered 200 means stored and projected: every delivery has its row. A group commit's events share the
        // transaction's timestamp, which tells how many items each commit carried.
        await using var check = hostDataSource.CreateCommand(
            "select (select count(*) from inbox_items where platform_item_id like 'r%w%n%'), count(*), count(distinct timestamp) from mt_events where type = 'inbox_item_received'");
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (projected, events, commits) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        output.WriteLine(Invariant($"    {sender.Delivered} deliveries answered 200, {projected} items in the read model, {events} events in {commits} commits ({(double)events / Math.Max(1, commits):F1} items per group commit)"));
        if (projected != sender.Delivered)
        {
            output.WriteLine("    WARNING: the read model does not hold exactly the items answered 200.");
        }
        return (Report.Ratio(webhookAll, rawAll), webhookAll.EventsPerSecond);
    }

    private static Scenario Webhooks(SandboxWebhookSender sender, int round) => new($"(w) webhook, one item per delivery, {InboxWorkload.ConcurrentWriters} senders", InboxWorkload.ConcurrentWriters, writer =>
    {
        var sent = 0;
        return async cancellationToken =>
        {
            var n = sent++;
            await sender.SendAsync(writer, Invariant($"r{round}w{writer}n{n}"), Invariant($"r{round}w{writer}p{n / 10}"), Invariant($"Great post, thanks! When does the next one come out? ({n})"), cancellationToken);
            return 1;
        };
    });

    /// <summary>(2) Items at a steady rate while console clients watch the inbox; each item a thread of its own, so its row carries its text.</summary>
    private static async Task<(double P50, double P99, bool Complete)> LiveAsync(IServiceProvider services, Uri address, SandboxWebhookSender sender, TextWriter output, CancellationToken cancellationToken)
    {
        var items = (int)(LiveRate * LiveDuration.TotalSeconds);
        output.WriteLine(Invariant($"(2) live: {Consoles} console clients (SignalR, WebSockets, owner's session cookie) joined to view 'inbox'; {items} items at {LiveRate}/s by webhook,"));
        output.WriteLine("    each a new thread with a unique marker in its text; latency from the delivery's start to each client's first swap carrying the marker");
        // The ingest part leaves tens of thousands of fresh rows for autovacuum: settled first, so this part measures the
        // pushes, not PostgreSQL catching up with the part before.
        await using (var vacuum = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("vacuum (analyze) inbox_threads, inbox_items, mt_events, mt_streams"))
        {
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        await EventStoreBenchmark.CheckpointAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);

        output.WriteLine("    (the inbox and event tables vacuumed and analyzed and a checkpoint taken first, after the ingest part's rows)");
        var run = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];
        var clock = Stopwatch.StartNew();
        await using var consoles = await InboxConsoles.OpenAsync(address, await SessionCookieAsync(services, cancellationToken), Consoles, run, clock, cancellationToken);
        var started = new TimeSpan[items];
        var sends = new Task[items];
        var failures = 0;
        var from = clock.Elapsed;
        for (var n = 0; n < items; n++)
        {
            var due = from + TimeSpan.FromSeconds((double)n / LiveRate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var item = n;
            started[item] = clock.Elapsed;
            sends[item] = Task.Run(async () =>
            {
                try
                {
                    await sender.SendAsync(item, Invariant($"live-{run}-{item}"), Invariant($"live-{run}-p{item}"), $"Is this thing on? {InboxConsoles.Marker(run, item)} asks Ada", cancellationToken);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        Console.Error.WriteLine($"live: a delivery failed: {e.Message}");
                    }
                }
            }, cancellationToken);
        }

        await Task.WhenAll(sends);
        var sentIn = clock.Elapsed - from;
        var waited = Stopwatch.StartNew();
        while (consoles.Sightings < items * Consoles && waited.Elapsed < LivePatience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        var latencies = new List<double>();
        for (var client = 0; client < Consoles; client++)
        {
            for (var n = 0; n < items; n++)
            {
                latencies.Add(consoles.SeenAt(client, n) is { } seen ? (seen - started[n]).TotalMilliseconds : double.PositiveInfinity);
            }
        }

        latencies.Sort();
        var missing = latencies.Count(double.IsPositiveInfinity);
        output.WriteLine(Invariant($"    sent {items} items in {sentIn.TotalSeconds:F2} s ({failures} failed); {consoles.Swaps} swaps received, {consoles.Sightings} of {items * Consoles} (client, item) sightings"));
        if (consoles.Sightings == 0)
        {
            const string Message = "live: TIMEOUT — no client received a swap carrying any item's marker within {0:F0} s after the last delivery. Does this build push inbox rows to the 'inbox' view (InboxUpdates)?";
            output.WriteLine("    " + string.Format(CultureInfo.InvariantCulture, Message, LivePatience.TotalSeconds));
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, Message, LivePatience.TotalSeconds));
            return (double.NaN, double.NaN, false);
        }

        var (p50, p99) = (PublishBenchmark.Percentile(latencies, 0.50), PublishBenchmark.Percentile(latencies, 0.99));
        output.WriteLine(Invariant($"    latency over {latencies.Count} sightings ({missing} missing, counted as never): min {latencies[0]:F0} ms, p50 {p50:F0} ms, p99 {p99:F0} ms, max {latencies[^1]:F0} ms"));
        if (missing > 0)
        {
            output.WriteLine(Invariant($"    WARNING: {missing} sightings never arrived within {LivePatience.TotalSeconds:F0} s after the last delivery"));
        }

        return (p50, p99, missing == 0 && failures == 0);
    }

    /// <summary>(3) A million items loaded into the read model, then the console's lists through the real <see cref="InboxBoard"/>.</summary>
    private static async Task<(double List, double Search)> ListsAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        // A workspace of its own, so that it holds exactly the loaded items (the read model knows workspaces and accounts
        // only by id); half its accounts on another network, so that a network filter halves the threads.
        var workspaceId = Guid.NewGuid();
        var networks = Enumerable.Range(0, Accounts).Select(i => (Guid.NewGuid(), i % 2 == 0 ? "sandbox" : "mastodon")).ToList();
        var load = new InboxBulkLoad(dataSource, workspaceId, networks);
        output.WriteLine(Invariant($"(3) lists: {InboxBulkLoad.Threads * InboxBulkLoad.ItemsPerThread:N0} items in {InboxBulkLoad.Threads:N0} threads (a workspace of their own: {Accounts} accounts on 2 networks,"));
        output.WriteLine(Invariant($"    varied statuses and labels, 90 days) loaded into the read model (inbox_threads, inbox_items) by binary COPY — not through the event store: appending a million"));
        output.WriteLine("    events with their inline projection takes too long for a benchmark run; the read model is what the lists read. Then VACUUM (ANALYZE).");
        var clock = Stopwatch.StartNew();
        await load.LoadAsync(cancellationToken);
        var loaded = clock.Elapsed;
        await load.VacuumAnalyzeAsync(cancellationToken);
        output.WriteLine(Invariant($"    loaded in {loaded.TotalSeconds:F1} s, vacuum analyze {(clock.Elapsed - loaded).TotalSeconds:F1} s; the workspace now holds {await CountAsync(dataSource, "select count(*) from inbox_items where workspace_id = $1", workspaceId, cancellationToken):N0} items"));

        var board = services.GetRequiredService<InboxBoard>();
        var queries = new (string Name, InboxQuery Query, bool Search)[]
        {
            ("first page (default query)", new InboxQuery(), false),
            ("status=open, label=question, network=mastodon", new InboxQuery { Status = InboxStatus.Open, Label = "question", Network = "mastodon" }, false),
            (Invariant($"search '{InboxBulkLoad.RareWord}' (in {InboxBulkLoad.RareItems} items)"), new InboxQuery { Search = InboxBulkLoad.RareWord }, true),
            (Invariant($"search '{InboxBulkLoad.CommonWord}' (in ~30 % of items)"), new InboxQuery { Search = InboxBulkLoad.CommonWord }, true),
        };
        var (list, search) = (0.0, 0.0);
        var width = queries.Max(q => q.Name.Length);
        output.WriteLine(Invariant($"    {QueryRuns} runs each, one after another, after 10 unmeasured runs:"));
        foreach (var (name, query, isSearch) in queries)
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = -10; i < QueryRuns; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var page = await board.ListAsync(workspaceId, query, cancellationToken);
                if (i >= 0)
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                rows = page.Threads.Count;
            }

            times.Sort();
            var p95 = PublishBenchmark.Percentile(times, 0.95);
            output.WriteLine(Invariant($"    {name.PadRight(width)}  {rows,3} rows  p50 {PublishBenchmark.Percentile(times, 0.50),7:F1} ms  p95 {p95,7:F1} ms  max {times[^1],7:F1} ms"));
            (list, search) = isSearch ? (list, Math.Max(search, p95)) : (Math.Max(list, p95), search);
        }

        return (list, search);
    }

    // A session cookie of the owner, made as the console's sign-in makes it.
    private static async Task<string> SessionCookieAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<PeopleService>().SignInAsync(OwnerEmail, OwnerPassword, "127.0.0.1", cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The benchmark's owner could not sign in.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, Guid value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
