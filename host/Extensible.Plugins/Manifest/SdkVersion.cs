using Extensible.Sdk;

namespace Extensible.Plugins.Manifest;

/// <summary>Whether a plugin's SDK range fits this host, by the SDK's own rule (<see cref="SdkInfo"/>), with the reason when not.</summary>
public static class SdkVersion
{
    /// <summary>Checks a manifest's <c>sdk</c> range against the SDK this host carries.</summary>
    /// <param name="range">The range (<c>^1.0</c>).</param>
    /// <returns><see langword="null"/> when the plugin fits; otherwise why not, in words an operator can act on.</returns>
    public static string? Check(string? range)
    {
        var host = SdkInfo.Version;
        if (!SdkInfo.TryParseRange(range, out var needed))
        {
            return $"the SDK range '{range}' is not understood: write it like {SdkInfo.CurrentRange}";
        }

        if (needed.Major != host.Major)
        {
            return $"it was built for SDK {needed.Major}.x and this host implements SDK {Describe()}: use a version of the plugin built for SDK {host.Major}.x";
        }

        return SdkInfo.IsCompatible(needed)
            ? null
            : $"it needs SDK {needed.Major}.{needed.Minor} or later and this host implements SDK {Describe()}: upgrade Extensible";
    }

    internal static string Describe() => $"{SdkInfo.Version.Major}.{SdkInfo.Version.Minor}";
}
