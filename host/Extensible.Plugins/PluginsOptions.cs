namespace Extensible.Plugins;

/// <summary>Settings of the plugin runtime, bound from <c>Extensible:Plugins</c>.</summary>
public sealed class PluginsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Plugins";

    /// <summary>Where the plugins shipped with the product are; defaults to <c>plugins</c> beside the host's assemblies.</summary>
    public string? BundledPath { get; set; }

    /// <summary>Where installed plugins go (set from <c>Extensible:PluginsDir</c>).</summary>
    public string InstalledPath { get; set; } = Path.GetFullPath(Path.Combine("data", "plugins"));

    /// <summary>How long one call into a plugin may take before it is abandoned.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a plugin's constructor and registration may take.</summary>
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed calls, with no success among them within <see cref="BreakerSamplingDuration"/>, that open a plugin's circuit breaker (at least 2).</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How far back a plugin's breaker counts calls; long enough for <see cref="BreakerFailures"/> timed-out calls one after another.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an open breaker refuses calls before a trial call (at least half a second).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most one <c>plugin_call_failed</c> event per plugin per this interval (the rest are counted in the next).</summary>
    public TimeSpan CallFailureEventInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest uploaded archive.</summary>
    public long MaxArchiveBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The most an archive may hold once extracted.</summary>
    public long MaxExtractedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most entries an archive may hold.</summary>
    public int MaxArchiveEntries { get; set; } = 2000;

    /// <summary>How long the plugins folder must be quiet before a dropped folder is picked up.</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a dropped folder in the plugins folder is picked up while the host runs.</summary>
    public bool WatchFolder { get; set; } = true;

    /// <summary>How many garbage collections an unload is given before it is reported as failed.</summary>
    public int UnloadAttempts { get; set; } = 20;

    /// <summary>
    /// Whether plugins' HTTP calls may reach loopback, private and link-local addresses (a Mastodon instance on the
    /// organization's own network, a local test network). Off by default: a workspace Admin types the servers a connector
    /// calls, and must not reach the host's own machine or network through it.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The bundled folder as an absolute path.</summary>
    public string BundledFullPath => Path.GetFullPath(BundledPath ?? Path.Combine(AppContext.BaseDirectory, "plugins"));
}
