using Extensible.Testing;
using System.Runtime.Versioning;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

[SupportedOSPlatform("linux")]
public sealed class embedded_postgres_runs_as_the_postgres_user_when_root
{
    [Fact]
    public async Task the_server_runs_as_postgres_under_root_and_as_the_current_user_otherwise()
    {
        await using var server = await EmbeddedPostgres.StartAsync(FreshCluster("account"), new RecordingLogger());

        var expected = Environment.IsPrivilegedProcess ? await UserIdOf("postgres") : UserIdOf(Environment.ProcessId);
        Assert.Equal(expected, UserIdOf(ServerProcessId(server)));
    }

    [Fact]
    public async Task a_data_folder_the_postgres_user_cannot_reach_is_refused_with_what_to_do()
    {
        // Only a root host hands the server to another account; an ordinary user's server can reach the user's own folders.
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        var locked = TestPostgres.NewDataDirectory("unreachable");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(locked, "data") }.Fast();

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains($"cannot enter '{locked}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Extensible__DataDir", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/var/lib/extensible", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(locked, "data", "postgres")));
    }

    private static string UserIdOf(int processId) =>
        File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];

    private static async Task<string> UserIdOf(string user)
    {
        using var id = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("id", ["-u", user]) { RedirectStandardOutput = true })!;
        var output = await id.StandardOutput.ReadToEndAsync();
        await id.WaitForExitAsync();
        return output.Trim();
    }
}
