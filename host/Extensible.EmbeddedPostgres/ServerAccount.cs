namespace Extensible.EmbeddedPostgres;

/// <summary>
/// The OS account the PostgreSQL server runs as: this process's own user, or — because PostgreSQL refuses to run as
/// root — the <c>postgres</c> user when this process is root.
/// </summary>
internal sealed class ServerAccount
{
    private const string PostgresUser = "postgres";

    private static readonly string[] RunuserLocations = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"];

    private readonly string? runuser;

    private ServerAccount(string? runuser) => this.runuser = runuser;

    /// <summary>True when this process is root and runs the server's commands as the <c>postgres</c> user.</summary>
    public bool IsPostgresUser => runuser is not null;

    public string Name => IsPostgresUser ? PostgresUser : Environment.UserName;

    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null);
        }

        var lookup = await CommandRunner.RunAsync("id", ["-u", PostgresUser], cancellationToken);
        if (!lookup.Succeeded)
        {
            throw new EmbeddedPostgresException(
                "This process runs as root and PostgreSQL refuses to run as root, so the embedded PostgreSQL must run as the " +
                "'postgres' OS user, but no such user exists. Install the PostgreSQL server (`apt-get install postgresql` " +
                "creates the user), run Extensible as an ordinary user, or set ConnectionStrings__Extensible to use an existing PostgreSQL server.");
        }

        var runuser = RunuserLocations.FirstOrDefault(File.Exists)
            ?? throw new EmbeddedPostgresException(
                "This process runs as root, so the embedded PostgreSQL must run as the 'postgres' OS user, but the `runuser` " +
                "command (from util-linux) was not found. Install util-linux, run Extensible as an ordinary user, or set " +
                "ConnectionStrings__Extensible to use an existing PostgreSQL server.");
        return new ServerAccount(runuser);
    }

    /// <summary>Runs a PostgreSQL program as the server account.</summary>
    public Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        runuser is null
            ? CommandRunner.RunAsync(program, arguments, cancellationToken)
            : CommandRunner.RunAsync(runuser, ["-u", PostgresUser, "--", program, .. arguments], cancellationToken);

    /// <summary>Hands files and folders we created to the server account (only needed when that is not us).</summary>
    public async Task GiveAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        if (!IsPostgresUser || paths.Count == 0)
        {
            return;
        }

        var result = await CommandRunner.RunAsync("chown", [$"{PostgresUser}:", .. paths], cancellationToken);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"Could not give {string.Join(", ", paths)} to the 'postgres' OS user: {result.Output}. " +
                "Check that the data folder is on a local file system that supports ownership.");
        }
    }

    /// <summary>The first of the folders the server account cannot enter, or null when it can enter them all.</summary>
    public async Task<string?> FirstUnreachableAsync(IReadOnlyCollection<string> directories, CancellationToken cancellationToken)
    {
        if (!IsPostgresUser || directories.Count == 0)
        {
            return null;
        }

        const string script = "for d do [ -x \"$d\" ] || { printf '%s\\n' \"$d\"; exit 1; }; done";
        var result = await RunAsync("/bin/sh", ["-c", script, "sh", .. directories], cancellationToken);
        if (result.Succeeded)
        {
            return null;
        }

        var named = result.Output.Split('\n')[0];
        return directories.Contains(named) ? named : directories.First();
    }
}
