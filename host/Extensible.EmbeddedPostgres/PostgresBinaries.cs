using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Extensible.EmbeddedPostgres;

/// <summary>A folder with the PostgreSQL server programs (<c>pg_ctl</c>, <c>initdb</c>, <c>postgres</c>) and their version.</summary>
internal sealed partial record PostgresBinaries(string Directory, string Version)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string[] Programs = ["pg_ctl", "initdb", "postgres"];

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>The major version as an integer (9 for 9.6).</summary>
    public int Major => int.Parse(Version.Split('.')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// The binaries to run a cluster with: the configured or discovered ones, or — when the cluster was created by another
    /// major version — that version's binaries from <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>.
    /// </summary>
    public static async Task<PostgresBinaries> ResolveAsync(
        string? configured, string? clusterVersion, ILogger logger, CancellationToken cancellationToken)
    {
        string directory;
        if (configured is not null)
        {
            directory = Path.GetFullPath(configured);
            if (!HasPrograms(directory))
            {
                throw new EmbeddedPostgresException(
                    $"PostgreSQL server binaries (pg_ctl, initdb, postgres) not found in '{directory}', the configured bin directory; " +
                    "point it at a PostgreSQL bin folder such as /usr/lib/postgresql/15/bin, install them with " +
                    "`sudo apt-get install postgresql`, or set ConnectionStrings__Extensible to use an existing server.");
            }
        }
        else
        {
            directory = Discover()
                ?? (clusterVersion is null ? null : MatchingDebianDirectory(clusterVersion))
                ?? throw new EmbeddedPostgresException(
                    "PostgreSQL server binaries not found on PATH or under /usr/lib/postgresql/*/bin; install them with " +
                    "`sudo apt-get install postgresql`, or set ConnectionStrings__Extensible to use an existing server.");
        }

        var binaries = new PostgresBinaries(directory, await ReadVersionAsync(directory, cancellationToken));
        if (clusterVersion is null || clusterVersion == binaries.Version)
        {
            return binaries;
        }

        if (MatchingDebianDirectory(clusterVersion) is { } matching)
        {
            EmbeddedPostgresLog.UsingBinariesOfClusterVersion(logger, clusterVersion, matching, binaries.Version);
            return new PostgresBinaries(matching, await ReadVersionAsync(matching, cancellationToken));
        }

        throw new EmbeddedPostgresException(
            $"The PostgreSQL data folder was created by PostgreSQL {clusterVersion}, but the server binaries in '{directory}' are " +
            $"PostgreSQL {binaries.Version}, which cannot open it. Nothing was changed. Install the matching server " +
            $"(`sudo apt-get install postgresql-{clusterVersion}`), upgrade the folder with pg_upgrade, or move the data folder " +
            "away to start with an empty database; or set ConnectionStrings__Extensible to use an existing server.");
    }

    /// <summary>The first PATH folder with all the server programs, else the highest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public static string? Discover()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var onPath = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Path.IsPathRooted).FirstOrDefault(HasPrograms);
        if (onPath is not null)
        {
            return onPath;
        }

        if (!System.IO.Directory.Exists(DebianRoot))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(DebianRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(c => c.Version is not null && HasPrograms(c.Directory))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Directory)
            .FirstOrDefault();
    }

    public static bool HasPrograms(string directory) =>
        Programs.All(p => UnixFiles.IsExecutableFile(Path.Combine(directory, p)));

    /// <summary>True for what PG_VERSION holds: a major version such as "15" or, before PostgreSQL 10, "9.6".</summary>
    public static bool IsMajorVersion(string text) => MajorVersionPattern().IsMatch(text);

    private static string? MatchingDebianDirectory(string clusterVersion)
    {
        var directory = Path.Combine(DebianRoot, clusterVersion, "bin");
        return IsMajorVersion(clusterVersion) && HasPrograms(directory) ? directory : null;
    }

    private static Version? ParseVersion(string? text) =>
        text is not null && IsMajorVersion(text) ? System.Version.Parse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0") : null;

    private static async Task<string> ReadVersionAsync(string directory, CancellationToken cancellationToken)
    {
        var pgCtl = Path.Combine(directory, "pg_ctl");
        var result = await CommandRunner.RunAsync(pgCtl, ["--version"], cancellationToken);
        var match = VersionOutputPattern().Match(result.Output);
        if (!result.Succeeded || !match.Success)
        {
            throw new EmbeddedPostgresException(
                $"Could not tell the version of '{pgCtl}' (it printed: {result.Output}). Check that it is a working PostgreSQL " +
                "installation, or set ConnectionStrings__Extensible to use an existing server.");
        }

        // Since PostgreSQL 10 the major version is one number; before, two (9.6).
        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return major >= 10 || !match.Groups[2].Success ? match.Groups[1].Value : $"{major}.{match.Groups[2].Value}";
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex MajorVersionPattern();

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)(?:\.(\d+))?")]
    private static partial Regex VersionOutputPattern();
}
