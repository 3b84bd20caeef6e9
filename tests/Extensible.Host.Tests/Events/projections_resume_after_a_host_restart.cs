using System.Text.Json.Serialization;
using Extensible.EventStore;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace Extensible.Host.Tests.Events;

public sealed record MentionReceived(string Text);

[JsonSerializable(typeof(MentionReceived))]
public sealed partial class HostTestEventsJsonContext : JsonSerializerContext;

/// <summary>Counts mentions in a table of its own, run by Marten's async daemon.</summary>
public sealed class MentionCount : IProjection
{
    public static void Declare(StoreOptions options)
    {
        var table = options.AddReadModelTable("mention_count");
        table.AddColumn("id", "integer").AsPrimaryKey();
        table.AddColumn("n", "bigint").NotNull();
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // The host appends events of its own (e.g. at start-up) that land in the same batches: count only mentions.
        var mentions = events.LongCount(e => e.Data is MentionReceived);
        if (mentions > 0)
        {
            operations.QueueSql("insert into mention_count (id, n) values (1, $1) on conflict (id) do update set n = mention_count.n + excluded.n", mentions);
        }

        return Task.CompletedTask;
    }
}

public sealed class projections_resume_after_a_host_restart
{
    // Marten's daemon first wins its leadership, then catches up: with every test project running at once on 2 cores
    // that took over 20 s. A daemon that never projects still fails here.
    private static readonly TimeSpan DaemonCatchUp = TimeSpan.FromSeconds(60);

    // What the daemon said, for a test that times out waiting for it.
    private readonly HostLogRecorder _logs = new(LogLevel.Debug, "Marten", "JasperFx", "Weasel", "Extensible.EventStore");

    private ExtensibleTestHostOptions WithMentions(params string[] arguments) => new()
    {
        Arguments = arguments,
        Configure = builder =>
        {
            _logs.AddTo(builder);
            builder.Services.Configure<EventStoreOptions>(o => o.Events.Register("mention_received", HostTestEventsJsonContext.Default.MentionReceived));
            builder.Services.ConfigureMarten(o =>
            {
                MentionCount.Declare(o);
                o.Projections.Add(new MentionCount(), ProjectionLifecycle.Async, "mention_count");
            });
        },
    };

    private async Task CountReachesAsync(string connectionString, Func<long, bool> reached, string what)
    {
        try
        {
            await Eventually.HoldsAsync(async () => reached(await CountAsync(connectionString)), what, DaemonCatchUp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message} Count {await CountAsync(connectionString)}; {await ProgressAsync(connectionString)}; the daemon logged:{Environment.NewLine}{_logs.Describe()}", e);
        }
    }

    private static async Task<string> ProgressAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "select 'progression: ' || coalesce((select string_agg(name || '=' || last_seq_id, ', ') from extensible.mt_event_progression), 'none')"
            + " || '; events: ' || (select count(*) from extensible.mt_events)"
            + " || '; advisory locks: ' || coalesce((select string_agg(objid::text || ' by ' || pid, ', ') from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())), 'none')");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select coalesce((select n from extensible.mention_count), 0)");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Appends <paramref name="count"/> mentions; returns the sequence number of the last.</summary>
    private static async Task<long> AppendAsync(IServiceProvider services, int count)
    {
        var store = services.GetRequiredService<EventStore.EventStore>();
        var last = 0L;
        for (var i = 0; i < count; i++)
        {
            last = (await store.AppendAsync($"mention-{Guid.NewGuid()}", ExpectedVersion.NoStream, [new MentionReceived($"#{i}")])).LastSequence;
        }

        return last;
    }

    [Fact]
    public async Task after_a_host_restart()
    {
        var database = await TestPostgres.CreateDatabaseAsync("hostrestart");
        await using (var first = await ExtensibleTestHost.StartAsync(database, WithMentions()))
        {
            await AppendAsync(first.Services, 30);
            await CountReachesAsync(database, n => n == 30, "the first host projects");
        }

        await using var second = await ExtensibleTestHost.StartAsync(database, WithMentions("--Extensible:EventStore:RunDaemon=false"));
        var last = await AppendAsync(second.Services, 20);
        // Once every follower can read them a running daemon would project them; this host's does not run.
        var store = second.Services.GetRequiredService<EventStore.EventStore>();
        await Eventually.HoldsAsync(async () => (await store.ReadAllAsync(last - 1)).Events.Count > 0, "the new events are readable by followers");
        Assert.Equal(30, await CountAsync(database));

        await using var third = await ExtensibleTestHost.StartAsync(database, WithMentions());
        await CountReachesAsync(database, n => n == 50, "the restarted host resumes from its checkpoint");
    }

    [Fact]
    public async Task after_a_postgres_restart()
    {
        await using var server = await TestPostgres.StartPrivateServerAsync("pgrestart");
        await using var host = await ExtensibleTestHost.StartAsync(server.ConnectionString, WithMentions());
        await AppendAsync(host.Services, 10);
        await CountReachesAsync(server.ConnectionString, n => n == 10, "the projection runs");

        await server.RestartAsync();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await AppendAsync(host.Services, 1);
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }, "the host writes again");
        await AppendAsync(host.Services, 9);

        await CountReachesAsync(server.ConnectionString, n => n >= 20, "the projection resumes after PostgreSQL restarted");
        Assert.Equal(20, await CountAsync(server.ConnectionString));
    }
}
