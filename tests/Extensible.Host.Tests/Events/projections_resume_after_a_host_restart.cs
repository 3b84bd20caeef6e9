using System.Text.Json.Serialization;
using Extensible.EventStore;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Extensible.Host.Tests.Events;

public sealed record MentionReceived(string Text);

[JsonSerializable(typeof(MentionReceived))]
public sealed partial class HostTestEventsJsonContext : JsonSerializerContext;

/// <summary>Counts mentions in a table of its own.</summary>
public sealed class MentionCount : IProjection
{
    public string Name => "mention_count";

    public async Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("create table if not exists mention_count (n bigint not null); insert into mention_count select 0 where not exists (select 1 from mention_count)", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("update mention_count set n = n + $1", batch.Connection, batch.Transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = batch.Events.Count });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("update mention_count set n = 0", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class projections_resume_after_a_host_restart
{
    private static ExtensibleTestHostOptions WithMentions(params string[] arguments) => new()
    {
        Arguments = arguments,
        Configure = builder => builder.Services.Configure<EventStoreOptions>(o =>
        {
            o.Events.Register("mention_received", HostTestEventsJsonContext.Default.MentionReceived);
            o.Projections.Add(new MentionCount(), ProjectionLifecycle.Async);
        }),
    };

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select n from mention_count");
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
            await Eventually.HoldsAsync(async () => await CountAsync(database) == 30, "the first host projects");
        }

        await using var second = await ExtensibleTestHost.StartAsync(database, WithMentions("--Extensible:EventStore:RunDaemon=false"));
        var last = await AppendAsync(second.Services, 20);
        // Once the high-water mark passes them a running daemon would project them; this host's does not run.
        var store = second.Services.GetRequiredService<EventStore.EventStore>();
        await Eventually.HoldsAsync(async () => await store.GetHighWaterMarkAsync() >= last, "the new events are below the high-water mark");
        Assert.Equal(30, await CountAsync(database));

        await using var third = await ExtensibleTestHost.StartAsync(database, WithMentions());
        await Eventually.HoldsAsync(async () => await CountAsync(database) == 50, "the restarted host resumes from its checkpoint");
    }

    [Fact]
    public async Task after_a_postgres_restart()
    {
        await using var server = await TestPostgres.StartPrivateServerAsync("pgrestart");
        await using var host = await ExtensibleTestHost.StartAsync(server.ConnectionString, WithMentions());
        await AppendAsync(host.Services, 10);
        await Eventually.HoldsAsync(async () => await CountAsync(server.ConnectionString) == 10, "the projection runs");

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

        await Eventually.HoldsAsync(async () => await CountAsync(server.ConnectionString) >= 20, "the projection resumes after PostgreSQL restarted");
        Assert.Equal(20, await CountAsync(server.ConnectionString));
    }
}
