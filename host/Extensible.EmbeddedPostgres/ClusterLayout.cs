using System.Security.Cryptography;
using System.Text;

namespace Extensible.EmbeddedPostgres;

/// <summary>
/// Where the cluster and the launcher's files live: <c>postgres/</c> (the cluster) in the data folder, and beside it
/// the server log, the loopback password, the owner record and the folder for the Unix socket.
/// </summary>
internal sealed class ClusterLayout
{
    // sun_path holds 108 bytes including the terminating NUL; the socket file is named ".s.PGSQL.<port>".
    private const int MaxSocketPathBytes = 107;
    private const int SocketFileNameBytes = 15;

    public ClusterLayout(string dataDirectory)
    {
        DataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        // pg_ctl puts the paths in double quotes in a /bin/sh command line, where these characters would still act.
        if (DataDirectory.IndexOfAny(['"', '$', '`', '\\']) >= 0)
        {
            throw new EmbeddedPostgresException(
                $"The data folder '{DataDirectory}' has a character pg_ctl cannot pass to the shell (\", $, ` or \\). " +
                "Choose a data folder (Extensible__DataDir) whose path has none of them.");
        }

        var socketDirectory = Path.Combine(DataDirectory, "postgres-socket");
        if (Encoding.UTF8.GetByteCount(socketDirectory) + SocketFileNameBytes > MaxSocketPathBytes)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataDirectory)))[..12];
            socketDirectory = $"/tmp/extensible-{hash}";
        }

        SocketDirectory = socketDirectory;
    }

    public string DataDirectory { get; }

    public string ClusterDirectory => Path.Combine(DataDirectory, "postgres");

    public string SocketDirectory { get; }

    /// <summary>True when the data folder's path is too long for a Unix socket inside it.</summary>
    public bool SocketDirectoryIsOutside => !SocketDirectory.StartsWith(DataDirectory + "/", StringComparison.Ordinal);

    public string LogFile => Path.Combine(DataDirectory, "postgres.log");

    public string PasswordFile => Path.Combine(DataDirectory, "postgres.password");

    public string OwnerFile => Path.Combine(DataDirectory, "postgres.owner");

    /// <summary>Present while initdb runs: if it is still there at the next start, initdb was interrupted.</summary>
    public string InitializingMarker => Path.Combine(DataDirectory, "postgres.initializing");

    public string VersionFile => Path.Combine(ClusterDirectory, "PG_VERSION");

    /// <summary>The data folder and each folder above it, outermost first.</summary>
    public IReadOnlyList<string> DataDirectoryAndAncestors
    {
        get
        {
            var chain = new List<string>();
            for (var directory = DataDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                chain.Add(directory);
            }

            chain.Reverse();
            return chain;
        }
    }

    /// <summary>The major version the cluster was created with, or null when there is no cluster yet.</summary>
    public string? ReadClusterVersion()
    {
        if (!File.Exists(VersionFile))
        {
            return null;
        }

        var version = File.ReadAllText(VersionFile).Trim();
        return PostgresBinaries.IsMajorVersion(version)
            ? version
            : throw new EmbeddedPostgresException(
                $"'{VersionFile}' does not hold a PostgreSQL version (it holds '{version}'), so '{ClusterDirectory}' is not a " +
                "usable PostgreSQL data folder. Nothing was changed. Move it away to start with an empty database, or set " +
                "ConnectionStrings__Extensible to use an existing server.");
    }

    public bool ClusterDirectoryHasFiles =>
        Directory.Exists(ClusterDirectory) && Directory.EnumerateFileSystemEntries(ClusterDirectory).Any();
}
