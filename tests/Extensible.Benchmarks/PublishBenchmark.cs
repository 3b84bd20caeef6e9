using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Extensible.EventStore;
using Extensible.Host;
using Extensible.People;
using Extensible.Plugins.Calls;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Publisher;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// <c>publish</c>: the publisher of one host (in process, default settings) against the sandbox network from the host's
/// build output. (1) 10,000 targets (1,000 posts × 10 accounts) due at one instant: the time from that instant until the
/// last is published. (2) 100 posts due spread over a minute: lateness from each due instant to the moment the sandbox
/// received the call. Duplicates are counted from what the sandbox received (a post created twice for one key). Before
/// (1), 1,000 targets are published as a warm-up, unmeasured: a running server has compiled its publishing code, and a
/// cold start spent a quarter of the drain's host time in the JIT compiler.
/// </summary>
internal static class PublishBenchmark
{
    private const int Accounts = 10;
    private const int DrainPosts = 1_000;
    private const int WarmUpPosts = 100;
    private const int SteadyPosts = 100;
    private static readonly TimeSpan SteadySpread = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(ILoggerFactory loggerFactory, TextWriter output, CancellationToken cancellationToken)
    {
        var hostOutput = Path.Combine(RepositoryRoot(), "host", "Extensible.Host", "bin", "Release", "net10.0");
        if (!Directory.Exists(Path.Combine(hostOutput, "plugins", "extensible.sandbox")))
        {
            Console.Error.WriteLine($"{hostOutput}/plugins has no sandbox: build the host first (dotnet build host/Extensible.Host -c Release).");
            return 1;
        }

        await using var database = await BenchmarkDatabase.StartAsync(loggerFactory.CreateLogger("Extensible.EmbeddedPostgres"), cancellationToken);
        var dataDir = Path.Combine(Path.GetTempPath(), "extensible-publish-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        var app = await ExtensibleApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={database.DataSource.ConnectionString}",
            $"--Extensible:DataDir={dataDir}", $"--Extensible:Plugins:BundledPath={Path.Combine(hostOutput, "plugins")}", "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ], cancellationToken: cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            var services = app.Services;
            output.WriteLine($"Extensible publish benchmark — host in process, default publisher settings, {database.Description}");
            output.WriteLine($"server: {await database.DescribeDurabilityAsync(cancellationToken)}; client: {Environment.ProcessorCount} cores");

            var (ownerId, workspaceId) = await services.GetRequiredService<PeopleService>().SetUpAsync("bench@example.com", "Bench", "correct horse battery", "Bench", cancellationToken);
            var accounts = new List<Guid>();
            for (var i = 0; i < Accounts; i++)
            {
                accounts.Add(await ConnectAsync(services, ownerId, workspaceId, cancellationToken));
            }

            await WarmUpAsync(services, output, ownerId, workspaceId, accounts, cancellationToken);
            var drain = await DrainAsync(services, output, ownerId, workspaceId, accounts, cancellationToken);
            var (p50, p99) = await SteadyAsync(services, output, ownerId, workspaceId, accounts, cancellationToken);
            var (received, distinct) = await ReceivedAsync(database.DataSource, cancellationToken);
            output.WriteLine(Invariant($"sandbox received {received} post creations for {distinct} distinct posts (expected {(WarmUpPosts + DrainPosts) * Accounts + SteadyPosts})"));
            output.WriteLine(Invariant($"RESULT publish drain_s={drain.TotalSeconds:F2} lateness_p50_ms={p50:F0} lateness_p99_ms={p99:F0} duplicates={received - distinct}"));
            return 0;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static async Task WarmUpAsync(IServiceProvider services, TextWriter output, Guid ownerId, Guid workspaceId, List<Guid> accounts, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EventStore.EventStore>();
        var targets = accounts.Select(a => new PostTarget(a, null)).ToArray();
        var warming = Stopwatch.StartNew();
        await store.AppendAsync([.. Enumerable.Range(0, WarmUpPosts).Select(i => Post(Guid.NewGuid(), workspaceId, ownerId, targets, $"Warm-up post {i}", DateTimeOffset.UtcNow))],
            Meta(workspaceId), cancellationToken);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        while (await CountAsync(dataSource, "select count(*) from publishing_targets where status = 'published'", cancellationToken) < WarmUpPosts * Accounts)
        {
            if (warming.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The warm-up did not finish within 5 minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        output.WriteLine(Invariant($"(0) warm-up: {WarmUpPosts} posts × {Accounts} accounts published in {warming.Elapsed.TotalSeconds:F1} s (not measured)"));
    }

    private static async Task<TimeSpan> DrainAsync(IServiceProvider services, TextWriter output, Guid ownerId, Guid workspaceId, List<Guid> accounts, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EventStore.EventStore>();
        var targets = accounts.Select(a => new PostTarget(a, null)).ToArray();
        // Scheduled in batches. The first batch tells how long the rest take: the instant is then set out of reach of the
        // setup (and the first batch moved to it), so that all targets are stored before it (checked below).
        var setup = Stopwatch.StartNew();
        const int Batch = 50;
        var placeholder = DateTimeOffset.UtcNow.AddHours(1);
        var first = Enumerable.Range(0, Batch).Select(_ => Guid.NewGuid()).ToArray();
        await store.AppendAsync([.. first.Select((id, i) => Post(id, workspaceId, ownerId, targets, $"Drain post {i}", placeholder))], Meta(workspaceId), cancellationToken);
        var due = DateTimeOffset.UtcNow + setup.Elapsed * (DrainPosts / Batch) * 2 + TimeSpan.FromSeconds(3);
        await store.AppendAsync(
            [.. first.Select(id => new StreamAppend(PublishingStreams.Post(id), 2, [NewEvent.For(new PostRescheduled(id, workspaceId, due, "UTC", "bench", ownerId))]))],
            Meta(workspaceId), cancellationToken);
        for (var b = 1; b < DrainPosts / Batch; b++)
        {
            await store.AppendAsync([.. Enumerable.Range(0, Batch).Select(i => Post(Guid.NewGuid(), workspaceId, ownerId, targets, $"Drain post {b * Batch + i}", due))],
                Meta(workspaceId), cancellationToken);
        }

        var stored = DateTimeOffset.UtcNow;
        output.WriteLine(Invariant($"(1) drain: {DrainPosts} posts × {Accounts} accounts = {DrainPosts * Accounts} targets due at {due:O}; scheduled in {setup.Elapsed.TotalSeconds:F1} s, {(due - stored).TotalSeconds:F1} s before the instant"));
        if (stored > due)
        {
            output.WriteLine("    WARNING: scheduling ended after the due instant; the drain time below includes part of the scheduling.");
        }

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var waited = Stopwatch.StartNew();
        while (await CountAsync(dataSource, "select count(*) from publishing_targets where status = 'published'", cancellationToken) < (WarmUpPosts + DrainPosts) * Accounts)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException("The drain did not finish within 15 minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        var last = await ScalarAsync<DateTime>(dataSource, "select max(published_at) from publishing_targets", cancellationToken);
        var drain = new DateTimeOffset(last, TimeSpan.Zero) - due;
        var failed = await CountAsync(dataSource, "select count(*) from mt_events where type = 'target_failed'", cancellationToken);
        output.WriteLine(Invariant($"    all published {drain.TotalSeconds:F2} s after the instant ({DrainPosts * Accounts / drain.TotalSeconds:F0} targets/s); failures recorded: {failed}"));
        return drain;
    }

    private static async Task<(double P50, double P99)> SteadyAsync(IServiceProvider services, TextWriter output, Guid ownerId, Guid workspaceId, List<Guid> accounts, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EventStore.EventStore>();
        var start = DateTimeOffset.UtcNow.AddSeconds(10);
        var posts = new List<(Guid PostId, DateTimeOffset Due)>();
        for (var i = 0; i < SteadyPosts; i++)
        {
            var due = start + SteadySpread * i / SteadyPosts;
            var postId = Guid.NewGuid();
            await store.AppendAsync([Post(postId, workspaceId, ownerId, [new PostTarget(accounts[i % accounts.Count], null)], $"Steady post {i}", due)], Meta(workspaceId), cancellationToken);
            posts.Add((postId, due));
        }

        output.WriteLine(Invariant($"(2) steady: {SteadyPosts} posts, one account each, due every {SteadySpread.TotalMilliseconds / SteadyPosts:F0} ms from {start:O}"));
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var ids = posts.Select(p => p.PostId).ToArray();
        while (await CountAsync(dataSource, "select count(*) from publishing_targets where status = 'published' and post_id = any($1)", cancellationToken, ids) < SteadyPosts)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        // The instant the sandbox took each call (its own clock, inside the plugin), against the post's due instant.
        var lateness = new List<double>();
        await using (var command = dataSource.CreateCommand(
            "select t.post_id, s.value from publishing_targets t join plugin_store s on s.plugin_id = 'extensible.sandbox' and s.key = 'post:' || t.platform_post_id where t.post_id = any($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var received = JsonDocument.Parse(reader.GetString(1)).RootElement.GetProperty("publishedAt").GetDateTimeOffset();
                lateness.Add((received - posts.Single(p => p.PostId == reader.GetGuid(0)).Due).TotalMilliseconds);
            }
        }

        lateness.Sort();
        var (p50, p99) = (Percentile(lateness, 0.50), Percentile(lateness, 0.99));
        output.WriteLine(Invariant($"    lateness (due → sandbox call) over {lateness.Count}: min {lateness[0]:F0} ms, p50 {p50:F0} ms, p99 {p99:F0} ms, max {lateness[^1]:F0} ms"));
        return (p50, p99);
    }

    private static StreamAppend Post(Guid postId, Guid workspaceId, Guid ownerId, IReadOnlyList<PostTarget> targets, string text, DateTimeOffset due) =>
        new(PublishingStreams.Post(postId), ExpectedVersion.NoStream,
        [
            NewEvent.For(new PostDrafted(postId, workspaceId, new PostContentDraft { Text = text }, targets, ownerId)),
            NewEvent.For(new PostScheduled(postId, workspaceId, due, "UTC", due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), false, ownerId)),
        ]);

    internal static async Task<Guid> ConnectAsync(IServiceProvider services, Guid ownerId, Guid workspaceId, CancellationToken cancellationToken)
    {
        var connector = services.GetRequiredService<IPluginCapabilities>().Connectors.Single(c => c.Description.Key == "sandbox");
        var connected = await connector.CallAsync("connect", (c, t) => c.CompleteConnectAsync(new ConnectCompletion { RedirectUri = new Uri("https://bench.invalid/callback") }, t), cancellationToken);
        var accountId = Guid.NewGuid();
        await services.GetRequiredService<EventStore.EventStore>().AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.NoStream,
            [new AccountConnected(accountId, workspaceId, connector.PluginId, "sandbox", connected.PlatformAccountId, connected.Handle, connected.DisplayName, null, null,
                services.GetRequiredService<CredentialsProtector>().Protect(connected.Credentials), null, ownerId)],
            Meta(workspaceId), cancellationToken);
        return accountId;
    }

    private static async Task<(long Received, long Distinct)> ReceivedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        const string Published = "from mt_events where type = 'plugin_recorded' and coalesce(data->>'Type', data->>'type') = 'extensible.sandbox.post_published'";
        return (await CountAsync(dataSource, $"select count(*) {Published}", cancellationToken),
            await CountAsync(dataSource, $"select count(distinct coalesce(data->'Data', data->'data')->>'postId') {Published}", cancellationToken));
    }

    private static EventMetadata Meta(Guid workspaceId) => new() { Tenant = workspaceId.ToString(), User = "bench@example.com" };

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] values) =>
        await ScalarAsync<long>(dataSource, sql, cancellationToken, values);

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Extensible.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
