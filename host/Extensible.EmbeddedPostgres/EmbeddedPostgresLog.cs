using Microsoft.Extensions.Logging;

namespace Extensible.EmbeddedPostgres;

/// <summary>Everything the embedded PostgreSQL launcher logs, with stable event ids.</summary>
internal static partial class EmbeddedPostgresLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Creating a PostgreSQL {Version} cluster in {ClusterDirectory}")]
    public static partial void InitializingCluster(ILogger logger, string version, string clusterDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Created the PostgreSQL cluster in {ElapsedMilliseconds} ms")]
    public static partial void InitializedCluster(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Starting PostgreSQL on 127.0.0.1:{Port} and {SocketDirectory}, logging to {LogFile}")]
    public static partial void StartingServer(ILogger logger, int port, string socketDirectory, string logFile);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "PostgreSQL {Version} is running from {ClusterDirectory} on 127.0.0.1:{Port} and {SocketDirectory} (started in {ElapsedMilliseconds} ms)")]
    public static partial void StartedServer(ILogger logger, string version, string clusterDirectory, int port, string socketDirectory, long elapsedMilliseconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Stopping PostgreSQL in {ClusterDirectory}")]
    public static partial void StoppingServer(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "PostgreSQL stopped")]
    public static partial void StoppedServer(ILogger logger);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Removing the stale {PidFile}: it names PID {ProcessId}, which is not a PostgreSQL server of this cluster (left over from a crash)")]
    public static partial void RemovingStalePidFile(ILogger logger, string pidFile, int processId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning,
        Message = "Stopping the PostgreSQL server (PID {ProcessId}) left running in {ClusterDirectory} by a host process that is gone ({Owner})")]
    public static partial void StoppingOrphanedServer(ILogger logger, int processId, string clusterDirectory, string owner);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning,
        Message = "Port {Port} was taken before PostgreSQL could listen on it; trying another free port (attempt {Attempt} of {Attempts})")]
    public static partial void PortTaken(ILogger logger, int port, int attempt, int attempts);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "The cluster was created by PostgreSQL {ClusterVersion}: using {Directory} instead of the PostgreSQL {FoundVersion} binaries found first")]
    public static partial void UsingBinariesOfClusterVersion(ILogger logger, string clusterVersion, string directory, string foundVersion);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Creating database {Database}")]
    public static partial void CreatingDatabase(ILogger logger, string database);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information,
        Message = "The data folder's path is too long for a Unix socket inside it: the socket lives in {SocketDirectory}")]
    public static partial void SocketDirectoryOutside(ILogger logger, string socketDirectory);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information,
        Message = "Running as root: PostgreSQL runs as the 'postgres' OS user")]
    public static partial void RunningAsPostgresUser(ILogger logger);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "A previous initdb was interrupted: moving its incomplete cluster to {Destination} and creating a new one")]
    public static partial void MovingIncompleteCluster(ILogger logger, string destination);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information,
        Message = "Set a new loopback password for {User} (its password file was missing)")]
    public static partial void ResetPassword(ILogger logger, string user);

    [LoggerMessage(EventId = 16, Level = LogLevel.Debug, Message = "Retrying initdb with the C locale: {Output}")]
    public static partial void RetryingInitDbWithCLocale(ILogger logger, string output);
}
