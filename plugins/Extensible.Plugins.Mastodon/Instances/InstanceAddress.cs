using System.Net;

namespace Extensible.Plugins.Mastodon.Instances;

/// <summary>
/// A Mastodon instance's address as the person typed it (<c>mastodon.social</c>, <c>https://fosstodon.org/</c>), checked
/// before anything is sent there: https only, except http to a loopback address (a local test instance); no user name,
/// path, query or fragment. Kept as its origin (<c>https://host[:port]</c>).
/// </summary>
public static class InstanceAddress
{
    private const int MaxLength = 300;

    /// <summary>The instance's origin, or the reason the text is not an instance address.</summary>
    /// <param name="text">What the person entered.</param>
    /// <param name="origin">The origin, without a trailing slash.</param>
    /// <param name="problem">Why it was refused, in words.</param>
    /// <returns><see langword="true"/> when the text names an instance.</returns>
    public static bool TryParse(string? text, out Uri origin, out string problem)
    {
        origin = null!;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            problem = "Enter the instance's address, like mastodon.social.";
            return false;
        }

        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = "That is not an instance address: enter one like mastodon.social.";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = "Enter only the instance's address (like mastodon.social), without a path or account.";
            return false;
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            problem = "The instance must be reached over https (http only for a test instance on this machine).";
            return false;
        }

        origin = new Uri(uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant());
        return true;
    }

    /// <summary>The origin as kept in credentials and store keys: <c>https://host[:port]</c>, no trailing slash.</summary>
    /// <param name="origin">The instance's origin.</param>
    public static string Key(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return origin.GetLeftPart(UriPartial.Authority);
    }
}
