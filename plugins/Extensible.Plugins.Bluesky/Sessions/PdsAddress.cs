using System.Net;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>A PDS address someone typed or a DID document named: https, or http only to this machine (a local test network).</summary>
internal static class PdsAddress
{
    /// <summary>What is wrong with <paramref name="text"/> as a PDS address, or <see langword="null"/>.</summary>
    public static string? Problem(string? text) => TryParse(text, out _) ? null : Explain(text);

    /// <summary>The address as a base URI (scheme, host, port; no path), when it is one.</summary>
    public static bool TryParse(string? text, out Uri address)
    {
        address = null!;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > 300)
        {
            return false;
        }

        // "bsky.social" means https://bsky.social.
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath != "/")
        {
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            return false;
        }

        address = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        return true;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string Explain(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter the PDS address (https://bsky.social for Bluesky's own hosting).";
        }

        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? "A PDS address must be https (plain http only to this machine, for a local test network)."
            : "A PDS address is a server's https address with no path, like https://bsky.social.";
    }
}
