using System.Text.Json.Serialization;
using Extensible.EventStore;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        operations.QueueSql("insert into mention_count (id, n) values (1, $1) on conflict (id) do update set n = mention_count.n + excluded.n", (long)events.Count);
        return Task.CompletedTask;
    }
}

public sealed class projections_resume_after_a_host_restart
{
    // Marten's daemon first wins its leadership, then catches up: with every test project running at once on 2 cores
    // that took over 20 s. A daemon that never projects still fails here.
    private static readonly TimeSpan DaemonCatchUp = TimeSpan.FromSeconds(60);

    private static ExtensibleTestHostOptions WithMentions(params string[] arguments) => new()
    {
        Arguments = arguments,
        Configure = builder =>
        {
            builder.Services.Configure<EventStoreOptions>(o => o.Events.Register("mention_received", HostTestEventsJsonContext.Default.MentionReceived));
            builder.Services.ConfigureMarten(o =>
            {
                MentionCount.Declare(o);
                o.Projections.Add(new MentionCount(), ProjectionLifecycle.Async, "mention_count");
            });
        },
    };

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
            await Eventually.HoldsAsync(async () => await CountAsync(database) == 30, "the first host projects", DaemonCatchUp);
        }

        await using var second = await ExtensibleTestHost.StartAsync(database, WithMentions("--Extensible:EventStore:RunDaemon=false"));
        var last = await AppendAsync(second.Services, 20);
        // Once every follower can read them a running daemon would project them; this host's does not run.
        var store = second.Services.GetRequiredService<EventStore.EventStore>();
        await Eventually.HoldsAsync(async () => (await store.ReadAllAsync(last - 1)).Events.Count > 0, "the new events are readable by followers");
        Assert.Equal(30, await CountAsync(database));

        await using var third = await ExtensibleTestHost.StartAsync(database, WithMentions());
        await Eventually.HoldsAsync(async () => await CountAsync(database) == 50, "the restarted host resumes from its checkpoint", DaemonCatchUp);
    }

    [Fact]
    public async Task after_a_postgres_restart()
    {
        await using var server = await TestPostgres.StartPrivateServerAsync("pgrestart");
        await using var host = await ExtensibleTestHost.StartAsync(server.ConnectionString, WithMentions());
        await AppendAsync(host.Services, 10);
        await Eventually.HoldsAsync(async () => await CountAsync(server.ConnectionString) == 10, "the projection runs", DaemonCatchUp);

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

        await Eventually.HoldsAsync(async () => await CountAsync(server.ConnectionString) >= 20, "the projection resumes after PostgreSQL restarted", DaemonCatchUp);
        Assert.Equal(20, await CountAsync(server.ConnectionString));
    }
}
