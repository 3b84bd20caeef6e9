using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EmbeddedPostgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's PostgreSQL binaries: created with initdb on first start,
/// reused afterwards, listening on a private Unix socket and a free loopback port, stopped with the host.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const int FreePortAttempts = 5;

    private readonly EmbeddedPostgresOptions options;
    private readonly ILogger logger;
    private readonly ClusterLayout layout;
    private readonly PgCtl pgCtl;
    private readonly ServerLog log;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool running;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger logger, ClusterLayout layout, PgCtl pgCtl)
    {
        this.options = options;
        this.logger = logger;
        this.layout = layout;
        this.pgCtl = pgCtl;
        log = new ServerLog(layout.LogFile);
    }

    /// <summary>An Npgsql connection string to <see cref="EmbeddedPostgresOptions.Database"/> as <see cref="EmbeddedPostgresOptions.User"/> over the Unix socket.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The loopback TCP port the server listens on (also part of the Unix socket's name).</summary>
    public int Port { get; private set; }

    /// <summary>The private folder (mode 0700) holding the server's Unix socket.</summary>
    public string SocketDirectory => layout.SocketDirectory;

    /// <summary>The cluster's folder: <c>postgres</c> inside the data folder.</summary>
    public string ClusterDirectory => layout.ClusterDirectory;

    /// <summary>The major version of the PostgreSQL binaries running the cluster.</summary>
    public int MajorVersion => pgCtl.Binaries.Major;

    /// <summary>
    /// Creates the cluster if the data folder has none, starts the server and waits until it accepts connections,
    /// then creates the database if it is missing.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">Anything went wrong; the message says what and what to do.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Validate(options);
        if (!OperatingSystem.IsLinux())
        {
            throw new EmbeddedPostgresException(
                "The embedded PostgreSQL runs on Linux only. Set ConnectionStrings__Extensible to use an existing PostgreSQL server.");
        }

        var layout = new ClusterLayout(options.DataDirectory);
        var account = await ServerAccount.ResolveAsync(cancellationToken);
        if (account.IsPostgresUser)
        {
            EmbeddedPostgresLog.RunningAsPostgresUser(logger);
        }

        if (!Directory.Exists(layout.DataDirectory))
        {
            UnixFiles.CreateDirectory(layout.DataDirectory, account.IsPostgresUser ? UnixFiles.Traversable : UnixFiles.Private);
        }

        if (await account.FirstUnreachableAsync(layout.DataDirectoryAndAncestors, cancellationToken) is { } blocked)
        {
            throw new EmbeddedPostgresException(
                $"This process runs as root, so the embedded PostgreSQL runs as the 'postgres' OS user, but that user cannot enter " +
                $"'{blocked}' on the way to the data folder '{layout.DataDirectory}'. Set Extensible__DataDir to a folder it can reach, " +
                "such as /var/lib/extensible, or set ConnectionStrings__Extensible to use an existing PostgreSQL server.");
        }

        ClusterInitialization.MoveAsideIncomplete(layout, logger);
        var binaries = await PostgresBinaries.ResolveAsync(options.BinDirectory, layout.ReadClusterVersion(), logger, cancellationToken);
        if (await account.FirstUnreachableAsync(AncestorsOf(binaries.Directory), cancellationToken) is { } hidden)
        {
            throw new EmbeddedPostgresException(
                $"This process runs as root, so the embedded PostgreSQL runs as the 'postgres' OS user, but that user cannot enter " +
                $"'{hidden}' to run the PostgreSQL binaries in '{binaries.Directory}'. Install PostgreSQL where every user can run it " +
                "(`sudo apt-get install postgresql`), or set ConnectionStrings__Extensible to use an existing PostgreSQL server.");
        }

        var server = new EmbeddedPostgres(options, logger, layout, new PgCtl(account, binaries, layout));
        if (layout.ReadClusterVersion() is null)
        {
            await ClusterInitialization.InitializeAsync(options, layout, server.pgCtl, logger, cancellationToken);
        }

        await server.gate.WaitAsync(cancellationToken);
        try
        {
            await server.StartServerAsync(preferredPort: null, cancellationToken);
        }
        finally
        {
            server.gate.Release();
        }

        return server;
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>) and waits until it is down. Does nothing when it is not running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (running)
            {
                await StopServerAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stops the server if it runs and starts it again on the same data. It keeps its port when that is still free;
    /// otherwise <see cref="Port"/> and <see cref="ConnectionString"/> change.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (running)
            {
                await StopServerAsync(cancellationToken);
            }

            await StartServerAsync(preferredPort: Port == 0 ? null : Port, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the server, like <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Validate(EmbeddedPostgresOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.User);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StartTimeout, TimeSpan.Zero);
        ServerCommandLine.Validate(options.Settings);
    }

    private static List<string> AncestorsOf(string directory)
    {
        var chain = new List<string>();
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            chain.Insert(0, current);
        }

        return chain;
    }

    private async Task StartServerAsync(int? preferredPort, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + options.StartTimeout;
        await LeftoverServer.RecoverAsync(layout, pgCtl, logger, cancellationToken);
        var passwordIsNew = await PrepareFilesAsync(cancellationToken);
        ClusterOwner.Current.Write(layout.OwnerFile);

        var attempts = options.Port == 0 ? FreePortAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            var port = ChoosePort(attempt == 1 ? preferredPort : null);
            var logOffset = log.Length;
            EmbeddedPostgresLog.StartingServer(logger, port, layout.SocketDirectory, layout.LogFile);
            var result = await pgCtl.StartAsync(ServerCommandLine.Build(port, layout.SocketDirectory, options.Settings), options.StartTimeout, cancellationToken);
            if (result.Succeeded)
            {
                Port = port;
                break;
            }

            var excerpt = log.ReadFrom(logOffset);
            var portTaken = excerpt.Contains("could not bind", StringComparison.Ordinal) || excerpt.Contains("Address already in use", StringComparison.Ordinal);
            if (portTaken && options.Port != 0)
            {
                throw PortTakenException(port);
            }

            if (portTaken && attempt < attempts)
            {
                EmbeddedPostgresLog.PortTaken(logger, port, attempt, attempts);
                continue;
            }

            await TryStopAfterFailedStartAsync();
            throw new EmbeddedPostgresException(portTaken
                ? $"PostgreSQL could not listen on a free loopback port after {attempts} attempts: each was taken before the server " +
                  "could bind it. Check what keeps opening ports on 127.0.0.1, then start again."
                : $"PostgreSQL did not start (pg_ctl exit code {result.ExitCode}): {result.Output}\n{log.Describe(excerpt)}\n" +
                  "Fix the cause above, or set ConnectionStrings__Extensible to use an existing server.");
        }

        try
        {
            ConnectionString = ConnectionStringFor(options.Database, pooling: true);
            var admin = ConnectionStringFor("postgres", pooling: false);
            await ServerConnections.WaitUntilAcceptingAsync(admin, deadline, log.DescribeTail, cancellationToken);
            if (passwordIsNew)
            {
                var password = await File.ReadAllTextAsync(layout.PasswordFile, cancellationToken);
                await ServerConnections.SetPasswordAsync(admin, options.User, password, cancellationToken);
                EmbeddedPostgresLog.ResetPassword(logger, options.User);
            }

            if (await ServerConnections.EnsureDatabaseAsync(admin, options.Database, cancellationToken))
            {
                EmbeddedPostgresLog.CreatingDatabase(logger, options.Database);
            }
        }
        catch (Exception e) when (e is EmbeddedPostgresException or NpgsqlException or IOException or OperationCanceledException)
        {
            await TryStopAfterFailedStartAsync();
            throw;
        }

        running = true;
        EmbeddedPostgresLog.StartedServer(logger, pgCtl.Binaries.Version, layout.ClusterDirectory, Port, layout.SocketDirectory, stopwatch.ElapsedMilliseconds);
    }

    private int ChoosePort(int? preferredPort)
    {
        if (options.Port != 0)
        {
            return LoopbackPort.IsFree(options.Port) ? options.Port : throw PortTakenException(options.Port);
        }

        return preferredPort is { } preferred && LoopbackPort.IsFree(preferred) ? preferred : options.PickFreePort();
    }

    private static EmbeddedPostgresException PortTakenException(int port) => new(
        $"Port {port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen on it. Stop the program that " +
        "uses it, configure another port, or configure port 0 to pick a free one at each start.");

    /// <summary>Readies the socket folder, the log and the password file; returns true when the password was just made.</summary>
    private async Task<bool> PrepareFilesAsync(CancellationToken cancellationToken)
    {
        if (layout.SocketDirectoryIsOutside)
        {
            EmbeddedPostgresLog.SocketDirectoryOutside(logger, layout.SocketDirectory);
        }

        UnixFiles.CreateDirectory(layout.SocketDirectory, UnixFiles.Private);
        if (new DirectoryInfo(layout.SocketDirectory).LinkTarget is not null)
        {
            throw new EmbeddedPostgresException(
                $"'{layout.SocketDirectory}' is a symbolic link; the PostgreSQL socket needs a private folder. Remove the link and start again.");
        }

        try
        {
            UnixFiles.SetMode(layout.SocketDirectory, UnixFiles.Private);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EmbeddedPostgresException(
                $"'{layout.SocketDirectory}' belongs to another user, so it cannot hold this server's private socket. Remove it and start again.", e);
        }

        await log.PrepareAsync(cancellationToken);
        var passwordIsNew = !File.Exists(layout.PasswordFile);
        if (passwordIsNew)
        {
            UnixFiles.WriteSecret(layout.PasswordFile, ClusterInitialization.NewPassword());
        }

        await pgCtl.Account.GiveAsync([layout.SocketDirectory, layout.LogFile, layout.PasswordFile], cancellationToken);
        return passwordIsNew;
    }

    private async Task StopServerAsync(CancellationToken cancellationToken)
    {
        EmbeddedPostgresLog.StoppingServer(logger, layout.ClusterDirectory);
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            // Pooled sessions die with the server; don't hand them out after a restart.
            NpgsqlConnection.ClearPool(connection);
        }

        var result = await pgCtl.StopAsync("fast", cancellationToken);
        if (!result.Succeeded
            && PostmasterPidFile.ReadProcessId(layout.ClusterDirectory) is { } pid
            && PostmasterPidFile.IsServerOf(pid, layout.ClusterDirectory))
        {
            throw new EmbeddedPostgresException(
                $"Could not stop PostgreSQL (PID {pid}) in '{layout.ClusterDirectory}':\n{result.Output}\n{log.DescribeTail()}\n" +
                $"Stop it yourself (`kill {pid}` as root or the '{pgCtl.Account.Name}' user).");
        }

        File.Delete(layout.OwnerFile);
        RemoveSocketDirectoryOutside();
        running = false;
        EmbeddedPostgresLog.StoppedServer(logger);
    }

    private async Task TryStopAfterFailedStartAsync()
    {
        try
        {
            await pgCtl.StopAsync("fast", CancellationToken.None);
            File.Delete(layout.OwnerFile);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or IOException)
        {
            // Best effort: the start failure being reported matters more.
        }
    }

    /// <summary>A socket folder under /tmp is empty once the server is down; don't leave it behind.</summary>
    private void RemoveSocketDirectoryOutside()
    {
        try
        {
            if (layout.SocketDirectoryIsOutside && !Directory.EnumerateFileSystemEntries(layout.SocketDirectory).Any())
            {
                Directory.Delete(layout.SocketDirectory);
            }
        }
        catch (IOException)
        {
            // Someone else is using it after all; it is recreated or reused at the next start.
        }
    }

    private string ConnectionStringFor(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = layout.SocketDirectory,
        Port = Port,
        Username = options.User,
        Database = database,
        Pooling = pooling,
    }.ConnectionString;
}
