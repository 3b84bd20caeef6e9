using System.Text.RegularExpressions;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>The <c>atproto-proxy</c> header's value: a DID, <c>#</c>, a service id.</summary>
internal static partial class AppViewProxyHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "atproto-proxy";

    /// <summary>Whether <paramref name="value"/> is a DID with a service fragment.</summary>
    public static bool IsValid(string value) => value.Length <= 300 && Shape().IsMatch(value);

    [GeneratedRegex(@"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]#[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
