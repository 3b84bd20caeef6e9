using Extensible.Testing;
using Npgsql;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_initializes_and_reuses_its_cluster
{
    [Fact]
    public async Task a_fresh_folder_gets_a_cluster_that_answers_as_its_user_on_its_database()
    {
        var logger = new RecordingLogger();
        // Spaces and quotes in paths and settings must survive pg_ctl's trip through the shell.
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(TestPostgres.NewDataDirectory("fresh"), "it's a data folder") }.Fast();
        options.Settings["application_name"] = "it's \"quoted\", with $HOME and `backticks`";

        await using var server = await EmbeddedPostgres.StartAsync(options, logger);

        Assert.True(File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")));
        Assert.Equal(Path.Combine(options.DataDirectory, "postgres"), server.ClusterDirectory);
        Assert.True(logger.Logged(1), "initdb should have been announced");
        Assert.Equal("extensible", await QueryAsync<string>(server.ConnectionString, "SELECT current_user"));
        Assert.Equal("extensible", await QueryAsync<string>(server.ConnectionString, "SELECT current_database()"));
        Assert.Equal("UTF8", await QueryAsync<string>(server.ConnectionString, "SHOW server_encoding"));
        Assert.Equal("off", await QueryAsync<string>(server.ConnectionString, "SHOW fsync"));
        Assert.Equal(server.MajorVersion, await QueryAsync<int>(server.ConnectionString, "SELECT current_setting('server_version_num')::int / 10000"));
        Assert.Equal(server.Port, await QueryAsync<int>(server.ConnectionString, "SELECT current_setting('port')::int"));
        Assert.Equal(options.Settings["application_name"], await QueryAsync<string>(server.ConnectionString, "SELECT reset_val FROM pg_settings WHERE name = 'application_name'"));
    }

    [Fact]
    public async Task a_server_that_cannot_start_fails_with_the_end_of_its_log()
    {
        var options = FreshCluster("bad-setting");
        options.Settings["shared_buffers"] = "lots";

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("PostgreSQL did not start", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(options.DataDirectory, "postgres.log"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid value for parameter \"shared_buffers\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_stopped_cluster_starts_again_with_its_data_and_without_initdb()
    {
        var options = FreshCluster("reuse");
        await using (var first = await EmbeddedPostgres.StartAsync(options, new RecordingLogger()))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')");
            await first.StopAsync();
            await first.StopAsync(); // stopping again is harmless
        }

        var logger = new RecordingLogger();
        await using var second = await EmbeddedPostgres.StartAsync(options, logger);

        Assert.False(logger.Logged(1), "the existing cluster should be reused, not initialized again");
        Assert.Equal("survives", await QueryAsync<string>(second.ConnectionString, "SELECT note FROM kept"));
    }

    [Fact]
    public async Task a_restart_keeps_the_data_and_the_connection_string_works_afterwards()
    {
        var options = FreshCluster("restart");
        await using var server = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());
        await ExecuteAsync(server.ConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')");
        // A TCP session the shutdown cuts leaves the server's side of it in TIME_WAIT on the port.
        var password = await File.ReadAllTextAsync(Path.Combine(options.DataDirectory, "postgres.password"));
        await using var tcp = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username=extensible;Password={password};Pooling=false");
        await tcp.OpenAsync();
        var (serverBefore, connectionStringBefore) = (ServerProcessId(server), server.ConnectionString);

        await server.RestartAsync();

        Assert.NotEqual(serverBefore, ServerProcessId(server));
        Assert.Equal(connectionStringBefore, server.ConnectionString);
        Assert.Equal("survives", await QueryAsync<string>(server.ConnectionString, "SELECT note FROM kept"));
    }
}
