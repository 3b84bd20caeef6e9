using System.Diagnostics;
using System.Globalization;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_recovers_a_stale_postmaster_pid
{
    [Fact]
    public async Task a_pid_file_naming_a_dead_process_is_removed_and_the_server_starts()
    {
        await StartsDespiteAPidFileNaming(DeadProcessId());
    }

    [Fact]
    public async Task a_pid_file_naming_a_live_process_of_the_server_account_that_is_not_postgres_is_removed_and_the_server_starts()
    {
        // After a reboot the PID may belong to anything, even to a process of the server's own account, which
        // PostgreSQL itself would take for a running server and refuse to start.
        using var sleeper = Process.Start(new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, ArgumentList =
        {
            "-c", Environment.IsPrivilegedProcess ? "exec runuser -u postgres -- sh -c 'echo $$; exec sleep 60'" : "echo $$; exec sleep 60",
        } })!;
        try
        {
            var processId = int.Parse((await sleeper.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
            await StartsDespiteAPidFileNaming(processId);
        }
        finally
        {
            sleeper.Kill(entireProcessTree: true);
        }
    }

    private static async Task StartsDespiteAPidFileNaming(int processId)
    {
        var options = FreshCluster("stale");
        await using (var first = await EmbeddedPostgres.StartAsync(options, new RecordingLogger()))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')");
        }

        // What a crash leaves: the server is gone but its lock file stays.
        var pidFile = Path.Combine(options.DataDirectory, "postgres", "postmaster.pid");
        await File.WriteAllLinesAsync(pidFile,
        [
            processId.ToString(CultureInfo.InvariantCulture), Path.Combine(options.DataDirectory, "postgres"), "1700000000", "5432",
            "/tmp", "127.0.0.1", "  5432001    131072", "ready   ",
        ]);
        var logger = new RecordingLogger();

        await using var second = await EmbeddedPostgres.StartAsync(options, logger);

        Assert.True(logger.Logged(7), "removing the stale postmaster.pid should be logged");
        Assert.NotEqual(processId, ServerProcessId(second));
        Assert.Equal("survives", await QueryAsync<string>(second.ConnectionString, "SELECT note FROM kept"));
    }
}
