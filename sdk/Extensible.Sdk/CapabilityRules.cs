using System.Text.RegularExpressions;

namespace Extensible.Sdk;

/// <summary>
/// The rule for the keys of a plugin's capabilities (<see cref="CapabilityInfo.Key"/> of a content rule, moderation step,
/// influencer or listening source, <see cref="Connectors.PlatformProfile.Key"/> of a connector), written once: the host
/// refuses to load a plugin whose capabilities break it, and the test kit's harness applies the same method.
/// </summary>
public static partial class CapabilityRules
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>
    /// A capability's key: lower-case letters and digits in parts joined by single dashes, at most
    /// <see cref="MaxKeyLength"/> characters (<c>utm-links</c>), and unique among the plugin's capabilities of its kind.
    /// Keep it stable: the console, the API and stored data refer to the capability by it.
    /// </summary>
    /// <param name="kind">The capability's kind in words, for the message (<c>content rule</c>).</param>
    /// <param name="key">The key as the capability gives it.</param>
    /// <param name="registered">The keys of the plugin's capabilities of that kind that came before it.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Key(string kind, string? key, IEnumerable<string?> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        if (key is null || key.Length > MaxKeyLength || !Keys().IsMatch(key))
        {
            return $"A {kind} key is lower-case letters and digits joined by single dashes, at most {MaxKeyLength} characters (like utm-links); '{key}' is not.";
        }

        return registered.Contains(key, StringComparer.Ordinal)
            ? $"The plugin registered the {kind} key '{key}' twice; keys are unique among a plugin's capabilities of one kind."
            : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Keys();
}
