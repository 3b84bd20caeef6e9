using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Extensible.EmbeddedPostgres;

namespace Extensible.Testing;

/// <summary>
/// Folders under /tmp for the tests' PostgreSQL clusters. Each is claimed with a lock file (an flock that dies with its
/// process), so concurrent test processes never share one and leftovers of crashed runs can be recognized and removed.
/// </summary>
internal static partial class TestFolders
{
    private static readonly List<(string Folder, FileStream Lock)> Claimed = [];
    private static int swept;

    /// <summary>/tmp rather than $TMPDIR: the postgres account must reach it, and socket paths must stay short.</summary>
    public static string Root { get; } = Path.Combine("/tmp", $"extensible-tests-{Sanitize(Environment.UserName)}");

    /// <summary>
    /// The shared server's folder: stable per test output folder, so later runs reuse the cluster; a second process of
    /// the same test assembly gets the next free slot.
    /// </summary>
    public static string ClaimShared()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AppContext.BaseDirectory)))[..10];
        for (var slot = 0; slot < 16; slot++)
        {
            var folder = Path.Combine(EnsureRoot(), $"shared-{hash}-{slot}");
            if (TryClaim(folder, deleteAtExit: false))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"All 16 shared test-database folders {Root}/shared-{hash}-* are in use by other test processes.");
    }

    /// <summary>A new empty folder of its own, removed at process exit (or by a later run if this one crashes).</summary>
    public static string ClaimPrivate(string name)
    {
        SweepLeftovers();
        while (true)
        {
            var folder = Path.Combine(EnsureRoot(), $"private-{Sanitize(name)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
            if (!Directory.Exists(folder) && TryClaim(folder, deleteAtExit: true))
            {
                CreateDirectory(folder);
                return folder;
            }
        }
    }

    /// <summary>Stops servers still running in this process's private folders and removes those folders.</summary>
    public static async Task ReleaseAllAsync()
    {
        (string Folder, FileStream Lock)[] claimed;
        lock (Claimed)
        {
            claimed = [.. Claimed];
            Claimed.Clear();
        }

        await Task.WhenAll(claimed.Select(async c =>
        {
            try
            {
                if (c.Lock.Name.EndsWith(".private.lock", StringComparison.Ordinal))
                {
                    await RemoveAsync(c.Folder);
                    File.Delete(c.Lock.Name);
                }
            }
            finally
            {
                await c.Lock.DisposeAsync();
            }
        }));
    }

    /// <summary>Removes private folders whose process is gone (a crashed or killed test run), once per process.</summary>
    private static void SweepLeftovers()
    {
        if (Interlocked.Exchange(ref swept, 1) == 1 || !Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(Root, "private-*"))
        {
            var lockFile = LockFileOf(folder, deleteAtExit: true);
            try
            {
                using var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                RemoveAsync(folder).GetAwaiter().GetResult();
                File.Delete(lockFile);
            }
            catch (IOException)
            {
                // Locked: its process still runs.
            }
            catch (EmbeddedPostgresException)
            {
                // Its binaries are gone; leave the folder rather than delete a cluster under a running server.
            }
        }
    }

    private static async Task RemoveAsync(string folder)
    {
        await LeftoverServer.StopAsync(folder, CancellationToken.None);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool TryClaim(string folder, bool deleteAtExit)
    {
        try
        {
            // FileShare.None takes an exclusive flock, released by the kernel when this process ends however it ends.
            var held = new FileStream(LockFileOf(folder, deleteAtExit), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            lock (Claimed)
            {
                Claimed.Add((folder, held));
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string LockFileOf(string folder, bool deleteAtExit) => folder + (deleteAtExit ? ".private.lock" : ".lock");

    private static string EnsureRoot()
    {
        if (!Directory.Exists(Root))
        {
            CreateDirectory(Root);
        }

        return Root;
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test PostgreSQL runs on Linux only; set EXTENSIBLE_TEST_DB to use a server.");
        }

        // When root, the server runs as 'postgres', which must be able to pass through.
        Directory.CreateDirectory(path, Environment.IsPrivilegedProcess
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Sanitize(string name)
    {
        var clean = NotNameCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return clean.Length == 0 ? "x" : clean[..Math.Min(clean.Length, 30)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
