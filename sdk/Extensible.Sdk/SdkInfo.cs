using System.Globalization;
using System.Text.RegularExpressions;

namespace Extensible.Sdk;

/// <summary>
/// The SDK's own version and the rule the host applies to a plugin's <c>sdk</c> range (in its <c>plugin.json</c>):
/// a plugin built against SDK <c>M.m</c> loads on any SDK with the same major version <c>M</c> and a minor version of
/// at least <c>m</c>. Minor versions only add; a new major version may break.
/// </summary>
public static partial class SdkInfo
{
    /// <summary>This SDK's semantic version (major.minor.patch).</summary>
    public static Version Version { get; } = ReadVersion();

    /// <summary>This SDK's version as text (<c>1.0.0</c>).</summary>
    public static string VersionText => Version.ToString(3);

    /// <summary>The range a plugin built against this SDK declares (<c>^1.0</c>).</summary>
    public static string CurrentRange => $"^{Version.Major}.{Version.Minor}";

    /// <summary>
    /// Reads an <c>sdk</c> range: <c>^1.2</c>, <c>1.2</c>, <c>^1.2.3</c> or <c>1.2.3</c>, all meaning "SDK 1.x, at least 1.2".
    /// </summary>
    /// <param name="range">The range from a manifest.</param>
    /// <param name="minimum">The lowest SDK version the plugin needs (the patch is kept but does not decide compatibility).</param>
    /// <returns><see langword="true"/> when the range is well formed.</returns>
    public static bool TryParseRange(string? range, out Version minimum)
    {
        minimum = new Version(0, 0, 0);
        var match = range is null ? Match.Empty : Range().Match(range.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        var patch = 0;
        if (match.Groups["patch"].Success
            && !int.TryParse(match.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out patch))
        {
            return false;
        }

        minimum = new Version(major, minor, patch);
        return true;
    }

    /// <summary>Whether a plugin that needs SDK <paramref name="minimum"/> runs on this SDK: same major, this minor at least the plugin's.</summary>
    /// <param name="minimum">The SDK version the plugin was built against.</param>
    /// <returns><see langword="true"/> when the host can load it.</returns>
    public static bool IsCompatible(Version minimum)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        return minimum.Major == Version.Major && minimum.Minor <= Version.Minor;
    }

    /// <summary>Whether a plugin declaring the <c>sdk</c> range <paramref name="range"/> runs on this SDK.</summary>
    /// <param name="range">The range from a manifest (<c>^1.0</c>).</param>
    /// <returns><see langword="false"/> when the range is malformed or needs another major or a later minor version.</returns>
    public static bool IsCompatible(string? range) => TryParseRange(range, out var minimum) && IsCompatible(minimum);

    private static Version ReadVersion()
    {
        var version = typeof(SdkInfo).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return new Version(version.Major, version.Minor, Math.Max(version.Build, 0));
    }

    [GeneratedRegex(@"^\^?(?<major>[0-9]{1,5})\.(?<minor>[0-9]{1,5})(\.(?<patch>[0-9]{1,5}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
