using System.Diagnostics;
using Npgsql;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_replaces_an_orphaned_postmaster
{
    [Fact]
    public async Task a_server_left_running_by_a_crashed_host_is_stopped_and_started_afresh()
    {
        var options = FreshCluster("orphan");
        var crashed = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());
        await ExecuteAsync(crashed.ConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')");
        var orphan = ServerProcessId(crashed);
        // The host dies without stopping its server (and is never disposed here): its owner record names a dead process.
        new ClusterOwner(DeadProcessId(), 1, LinuxProcess.BootId).Write(Path.Combine(options.DataDirectory, "postgres.owner"));
        using (var pooled = new NpgsqlConnection(crashed.ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var logger = new RecordingLogger();
        await using var restarted = await EmbeddedPostgres.StartAsync(options, logger);

        Assert.True(logger.Logged(8), "stopping the orphaned server should be logged");
        Assert.False(LinuxProcess.IsAlive(orphan), "the orphaned server should have been stopped");
        Assert.NotEqual(orphan, ServerProcessId(restarted));
        Assert.Equal("survives", await QueryAsync<string>(restarted.ConnectionString, "SELECT note FROM kept"));
    }

    [Fact]
    public async Task a_server_whose_host_still_runs_is_left_alone_with_a_clear_message()
    {
        var options = FreshCluster("owned");
        await using var running = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());
        using var otherHost = Process.Start("sleep", "60");
        try
        {
            new ClusterOwner(otherHost.Id, LinuxProcess.StartTicks(otherHost.Id)!.Value, LinuxProcess.BootId)
                .Write(Path.Combine(options.DataDirectory, "postgres.owner"));

            var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

            Assert.Contains($"(PID {otherHost.Id})", refused.Message, StringComparison.Ordinal);
            Assert.Contains("still running", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Extensible__DataDir", refused.Message, StringComparison.Ordinal);
            Assert.Equal(1, await QueryAsync<int>(running.ConnectionString, "SELECT 1"));
        }
        finally
        {
            otherHost.Kill();
        }
    }

    [Fact]
    public async Task a_second_start_of_the_same_folder_in_one_process_is_refused()
    {
        var options = FreshCluster("twice");
        await using var running = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());

        var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("already started by this process", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync<int>(running.ConnectionString, "SELECT 1"));
    }
}
