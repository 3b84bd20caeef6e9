using Extensible.Sdk;

namespace Extensible.Plugins.Manifest;

/// <summary>Whether a plugin's SDK range fits this host, by the SDK's own rule (<see cref="ManifestRules.Sdk"/>), with the reason when not.</summary>
public static class SdkVersion
{
    /// <summary>Checks a manifest's <c>sdk</c> range against the SDK this host carries.</summary>
    /// <param name="range">The range (<c>^1.0</c>).</param>
    /// <returns><see langword="null"/> when the plugin fits; otherwise why not, in words an operator can act on.</returns>
    public static string? Check(string? range) => ManifestRules.Sdk(range);

    internal static string Describe() => $"{SdkInfo.Version.Major}.{SdkInfo.Version.Minor}";
}
