using System.Reflection;
using System.Text.RegularExpressions;

namespace Extensible.Plugins.Manifest;

/// <summary>The SDK version this host implements, and whether a plugin's SDK range fits it.</summary>
public static partial class SdkVersion
{
    /// <summary>The host's SDK version (the Extensible.Sdk assembly's).</summary>
    public static Version Host { get; } = typeof(Sdk.IPlugin).Assembly.GetName().Version ?? new Version(1, 0);

    /// <summary>
    /// Whether a range (<c>^1.0</c>, <c>1.0</c>, <c>~1.0</c>, <c>&gt;=1.0</c>, <c>1.x</c>) fits the host: same major and a minor no
    /// higher than the host's. Returns the reason otherwise.
    /// </summary>
    public static string? Check(string range, Version host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var match = Range().Match(range ?? "");
        if (!match.Success)
        {
            return $"the SDK range '{range}' is not understood: write it like ^{host.Major}.0";
        }

        var major = int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups["minor"].Success && match.Groups["minor"].Value != "x"
            ? int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (major != host.Major)
        {
            return $"it was built for SDK {major}.x and this host implements SDK {host.Major}.{host.Minor}: use a version of the plugin built for SDK {host.Major}.x";
        }

        if (minor > host.Minor)
        {
            return $"it needs SDK {major}.{minor} or later and this host implements SDK {host.Major}.{host.Minor}: upgrade Extensible";
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(\^|~|>=)?\s*(?<major>\d{1,4})(\.(?<minor>\d{1,4}|x))?(\.(\d{1,6}|x))?\s*$")]
    private static partial Regex Range();

    internal static string Describe() => $"{Host.Major}.{Host.Minor}";

    internal static AssemblyName SdkName => typeof(Sdk.IPlugin).Assembly.GetName();
}
