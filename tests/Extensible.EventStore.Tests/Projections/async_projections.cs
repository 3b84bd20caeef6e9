using Extensible.EventStore.Tests.Support;
using Extensible.Testing;
using Npgsql;

namespace Extensible.EventStore.Tests.Projections;

public sealed class async_projections
{
    private static async Task AppendManyAsync(EventStore store, int count, string prefix = "s")
    {
        for (var i = 0; i < count; i += 50)
        {
            await store.AppendAsync($"{prefix}-{i}", ExpectedVersion.Any,
                [.. Enumerable.Range(i, Math.Min(50, count - i)).Select(n => (object)new CommentReceived("fan", $"{n}"))]);
        }
    }

    [Fact]
    public async Task catch_up_and_follow_new_events()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("follow"));
        var store = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async));
        await AppendManyAsync(store, 250);
        var daemon = await stores.DaemonAsync(store);

        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 250, "the projection catches up");
        await AppendManyAsync(store, 10, "later");
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 260, "the projection follows");

        var status = (await daemon.GetStatusAsync()).Single();
        Assert.Equal(260, status.Checkpoint);
        Assert.Equal(0, status.Lag);
        Assert.Equal(ProjectionAgentState.Leading, status.AgentState);
        Assert.Equal(260, await stores.ScalarAsync<long>("select count(distinct seq) from seen_seen"));
    }

    [Fact]
    public async Task wake_on_another_nodes_notification_without_polling()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("notify"));
        var writer = await stores.StoreAsync();
        var projector = await stores.StoreAsync(o =>
        {
            o.PollInterval = TimeSpan.FromHours(1);
            o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async);
        });
        await stores.DaemonAsync(writer);
        var daemon = await stores.DaemonAsync(projector);
        await Eventually.HoldsAsync(async () => (await daemon.GetStatusAsync()).Single().AgentState == ProjectionAgentState.Leading, "the projector leads");
        // The projector hears the writer only once its listener is up: both daemons' connections have run LISTEN.
        await Eventually.HoldsAsync(
            async () => await stores.ScalarAsync<long>("select count(*) from pg_stat_activity where datname = current_database() and query ilike 'listen %'") >= 2,
            "both daemons listen for notifications");

        for (var i = 1; i <= 3; i++)
        {
            await writer.AppendAsync("s", ExpectedVersion.Any, [new CommentReceived("a", $"{i}")]);
            await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == i, $"event {i} is projected", TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task checkpoint_and_read_model_commit_together_when_killed_between_them()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("atomic"));
        var store = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async));
        await AppendManyAsync(store, 100);
        var daemon = new ProjectionDaemon(store);
        await using var _ = daemon;

        // The first time the read model is written, the session dies before the checkpoint is.
        var killed = new TaskCompletionSource<(long Count, long Checkpoint)>(TaskCreationOptions.RunContinuationsAsynchronously);
        daemon.Agent("seen").BeforeCheckpoint = async (connection, ct) =>
        {
            if (killed.Task.IsCompleted)
            {
                return;
            }

            await using (var kill = new NpgsqlCommand("select pg_terminate_backend(pg_backend_pid())", connection))
            {
                try
                {
                    await kill.ExecuteNonQueryAsync(ct);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    killed.SetResult((await stores.ScalarAsync<long>("select n from seen_count"), await stores.ScalarAsync<long>("select last_seq from extensible.progression where name = 'seen'")));
                    throw;
                }
            }
        };
        await daemon.StartAsync();

        var afterKill = await killed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((0L, 0L), afterKill);
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select last_seq from extensible.progression where name = 'seen'") == 100, "the projection recovers");
        Assert.Equal(100, await stores.ScalarAsync<long>("select n from seen_count"));
        Assert.Equal(100, await stores.ScalarAsync<long>("select count(*) from seen_seen"));
    }

    [Fact]
    public async Task two_daemons_never_both_advance_a_projection()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("leader"));
        var nodeA = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen", "a"), ProjectionLifecycle.Async));
        var nodeB = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen", "b"), ProjectionLifecycle.Async));
        var daemonA = await stores.DaemonAsync(nodeA);
        var daemonB = await stores.DaemonAsync(nodeB);

        var writers = Task.WhenAll(AppendManyAsync(nodeA, 400, "a"), AppendManyAsync(nodeB, 400, "b"));
        await writers;
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 800, "one daemon projects everything");

        Assert.Equal(1, await stores.ScalarAsync<long>("select count(distinct node) from seen_seen"));
        var states = new[] { (await daemonA.GetStatusAsync()).Single().AgentState, (await daemonB.GetStatusAsync()).Single().AgentState };
        Assert.Contains(ProjectionAgentState.Leading, states);
        Assert.Contains(ProjectionAgentState.Standby, states);

        // The leader stops; the standby takes over from the checkpoint.
        var leader = states[0] == ProjectionAgentState.Leading ? daemonA : daemonB;
        var standbyNode = leader == daemonA ? "b" : "a";
        await leader.StopAsync();
        await AppendManyAsync(nodeA, 100, "c");
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 900, "the standby takes over");

        Assert.Equal(900, await stores.ScalarAsync<long>("select count(*) from seen_seen"));
        Assert.Equal(900, await stores.ScalarAsync<long>("select count(distinct seq) from seen_seen"));
        Assert.Equal(100, await stores.ScalarAsync<long>($"select count(*) from seen_seen where node = '{standbyNode}'"));
    }

    [Fact]
    public async Task resume_from_the_checkpoint_after_a_restart()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("resume"));
        var first = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen", "first"), ProjectionLifecycle.Async));
        await AppendManyAsync(first, 150);
        var daemon = await stores.DaemonAsync(first);
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 150, "the first run catches up");
        await daemon.StopAsync();

        await AppendManyAsync(first, 50, "while-down");
        var restarted = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen", "second"), ProjectionLifecycle.Async));
        await stores.DaemonAsync(restarted);

        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 200, "the restarted daemon resumes");
        Assert.Equal(50, await stores.ScalarAsync<long>("select count(*) from seen_seen where node = 'second'"));
        Assert.Equal(200, await stores.ScalarAsync<long>("select count(distinct seq) from seen_seen"));
    }

    [Fact]
    public async Task unreadable_and_unprojectable_events_are_dead_lettered_and_the_daemon_goes_on()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("deadletter"));
        var projection = new SeenProjection("seen");
        projection.BeforeApply = events => events.Any(e => e.Data is CommentReceived { Text: "poison" })
            ? throw new InvalidOperationException("the projection cannot take this one")
            : Task.CompletedTask;
        var store = await stores.StoreAsync(o => o.Projections.Add(projection, ProjectionLifecycle.Async));
        var stored = await store.AppendAsync("s", ExpectedVersion.Any,
            [new CommentReceived("a", "1"), new CommentReceived("a", "2"), new CommentReceived("a", "poison"), new CommentReceived("a", "4"), new CommentReceived("a", "5")]);
        await stores.ExecuteAsync($"update extensible.events set type = 'no_such_type' where seq = {stored.Events[0].Sequence}");
        await stores.ExecuteAsync($"update extensible.events set data = '[1,2]' where seq = {stored.Events[1].Sequence}");
        var daemon = await stores.DaemonAsync(store);

        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select last_seq from extensible.progression where name = 'seen'") == 5, "the daemon passes the bad events");

        Assert.Equal(2, await stores.ScalarAsync<long>("select n from seen_count"));
        Assert.Equal("1,2,3", await stores.ScalarAsync<string>("select string_agg(seq::text, ',' order by seq) from extensible.dead_letters where projection = 'seen' and stream_id = 's'"));
        Assert.Contains("no_such_type", await stores.ScalarAsync<string>("select error from extensible.dead_letters where seq = 1"), StringComparison.Ordinal);
        Assert.Equal(3, (await daemon.GetStatusAsync()).Single().DeadLetters);
        await store.AppendAsync("s", ExpectedVersion.Any, [new CommentReceived("a", "6")]);
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 3, "the daemon keeps going");
    }

    [Fact]
    public async Task rebuild_from_zero_reporting_progress()
    {
        await using var stores = new Stores(await TestPostgres.CreateDatabaseAsync("rebuild"));
        var store = await stores.StoreAsync(o => o.Projections.Add(new SeenProjection("seen"), ProjectionLifecycle.Async));
        await AppendManyAsync(store, 500);
        var daemon = await stores.DaemonAsync(store);
        await Eventually.HoldsAsync(async () => await stores.ScalarAsync<long>("select n from seen_count") == 500, "the projection catches up");
        await stores.ExecuteAsync("update seen_count set n = -1000");

        var reports = new List<RebuildProgress>();
        await daemon.RebuildAsync("seen", new SynchronousProgress<RebuildProgress>(reports.Add)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(500, await stores.ScalarAsync<long>("select n from seen_count"));
        Assert.Equal(500, await stores.ScalarAsync<long>("select count(*) from seen_seen"));
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(reports.Select(r => r.Applied).Order(), reports.Select(r => r.Applied));
        Assert.False((await daemon.GetStatusAsync()).Single().Rebuilding);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
