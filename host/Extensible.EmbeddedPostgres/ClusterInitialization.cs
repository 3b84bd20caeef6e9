using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Extensible.EmbeddedPostgres;

/// <summary>Creates the cluster with initdb on first start.</summary>
internal static class ClusterInitialization
{
    public static async Task InitializeAsync(
        EmbeddedPostgresOptions options, ClusterLayout layout, PgCtl pgCtl, ILogger logger, CancellationToken cancellationToken)
    {
        if (layout.ClusterDirectoryHasFiles)
        {
            throw new EmbeddedPostgresException(
                $"'{layout.ClusterDirectory}' holds files but no PostgreSQL cluster (it has no PG_VERSION). Nothing was changed. " +
                "Move that folder away so a new cluster can be created there, or set ConnectionStrings__Extensible to use an existing server.");
        }

        var stopwatch = Stopwatch.StartNew();
        EmbeddedPostgresLog.InitializingCluster(logger, pgCtl.Binaries.Version, layout.ClusterDirectory);
        UnixFiles.CreateDirectory(layout.ClusterDirectory, UnixFiles.Private);
        if (!File.Exists(layout.PasswordFile))
        {
            UnixFiles.WriteSecret(layout.PasswordFile, NewPassword());
        }

        await pgCtl.Account.GiveAsync([layout.ClusterDirectory, layout.PasswordFile], cancellationToken);
        await File.WriteAllTextAsync(layout.InitializingMarker, "initdb is running or was interrupted\n", cancellationToken);

        string[] arguments =
        [
            "-U", options.User, "-E", "UTF8",
            // Sockets sit in a 0700 folder; TCP is loopback-only and needs the generated password.
            "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={layout.PasswordFile}",
            // A server that never fsyncs (a test server) gains nothing from a synced initdb.
            .. SkipsFsync(options) ? ["--no-sync"] : Array.Empty<string>(),
        ];
        // Byte-order collation is fast and never changes with the C library; C.UTF-8 gives Unicode upper/lower.
        var result = await pgCtl.InitDbAsync([.. arguments, "--locale=C.UTF-8", "--lc-collate=C"], cancellationToken);
        if (!result.Succeeded && result.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
        {
            EmbeddedPostgresLog.RetryingInitDbWithCLocale(logger, result.Output);
            result = await pgCtl.InitDbAsync([.. arguments, "--locale=C"], cancellationToken);
        }

        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"initdb could not create a PostgreSQL cluster in '{layout.ClusterDirectory}' (exit code {result.ExitCode}):\n{result.Output}\n" +
                "Fix the cause above (often permissions or disk space), or set ConnectionStrings__Extensible to use an existing server.");
        }

        File.Delete(layout.InitializingMarker);
        EmbeddedPostgresLog.InitializedCluster(logger, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>An initdb that was killed leaves a half-made cluster; it is moved aside (never deleted) and made anew.</summary>
    public static void MoveAsideIncomplete(ClusterLayout layout, ILogger logger)
    {
        if (!File.Exists(layout.InitializingMarker))
        {
            return;
        }

        if (layout.ClusterDirectoryHasFiles)
        {
            var destination = $"{layout.ClusterDirectory}.incomplete-{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
            EmbeddedPostgresLog.MovingIncompleteCluster(logger, destination);
            Directory.Move(layout.ClusterDirectory, destination);
        }
        else if (Directory.Exists(layout.ClusterDirectory))
        {
            Directory.Delete(layout.ClusterDirectory);
        }

        File.Delete(layout.InitializingMarker);
    }

    /// <summary>A password for loopback TCP logins: 192 random bits, base64url so it needs no quoting anywhere.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static bool SkipsFsync(EmbeddedPostgresOptions options) =>
        options.Settings.TryGetValue("fsync", out var fsync) && fsync.Trim().ToUpperInvariant() is "OFF" or "FALSE" or "0" or "NO";
}
