using System.Text.RegularExpressions;

namespace Extensible.Sdk;

/// <summary>
/// The rules a plugin's <c>plugin.json</c> must keep, written once: the host checks every manifest with them before it
/// loads anything, and the test kit's manifest checker calls the same methods, so a manifest the kit accepts is one the
/// host accepts. Each method takes a field as written and returns <see langword="null"/> when it is acceptable, or the
/// problem in words a plugin's author or a server's operator can act on. White space around a field is ignored.
/// </summary>
public static partial class ManifestRules
{
    /// <summary>The manifest's file name in a plugin's folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>The longest id accepted.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest author accepted.</summary>
    public const int MaxAuthorLength = 200;

    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>
    /// The <c>id</c>, unique in an installation: lower-case letters and digits in parts separated by single dots or
    /// dashes, starting with a letter, at most <see cref="MaxIdLength"/> characters (<c>acme.hello</c>). Required.
    /// </summary>
    /// <param name="id">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Id(string? id) =>
        Missing(id, "id", "lower-case, like acme.hello")
        ?? (id!.Trim() is var value && (value.Length > MaxIdLength || !Ids().IsMatch(value))
            ? $"\"id\" '{value}' is not valid: use lower-case letters, digits, dots and dashes, starting with a letter (at most {MaxIdLength} characters), like acme.hello."
            : null);

    /// <summary>The <c>name</c> people read, at most <see cref="MaxNameLength"/> characters. Required.</summary>
    /// <param name="name">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Name(string? name) =>
        Missing(name, "name", "the name people read")
        ?? (name!.Trim().Length > MaxNameLength ? $"\"name\" may be at most {MaxNameLength} characters." : null);

    /// <summary>
    /// The plugin's <c>version</c>: a semantic version as semver.org defines it (<c>1.0.0</c>, <c>1.1.0-beta.1</c>,
    /// <c>1.0.0+build.5</c>; no leading zeros). Required.
    /// </summary>
    /// <param name="version">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Version(string? version) =>
        Missing(version, "version", "a semantic version like 1.0.0")
        ?? (SemanticVersions().IsMatch(version!.Trim())
            ? null
            : $"\"version\" '{version.Trim()}' is not a semantic version (major.minor.patch, like 1.0.0 or 1.1.0-beta.1).");

    /// <summary>
    /// The <c>sdk</c> range, read by <see cref="SdkInfo.TryParseRange"/> and satisfied by this SDK
    /// (<see cref="SdkInfo.IsCompatible(Version)"/>): same major version, a minor version at most this SDK's. Required.
    /// </summary>
    /// <param name="range">The field as written (<c>^1.0</c>).</param>
    /// <returns><see langword="null"/> when a plugin declaring it runs on this SDK; otherwise why not.</returns>
    public static string? Sdk(string? range)
    {
        if (Missing(range, "sdk", $"the SDK range, like {SdkInfo.CurrentRange}") is { } missing)
        {
            return missing;
        }

        var sdk = SdkInfo.Version;
        if (!SdkInfo.TryParseRange(range, out var needed))
        {
            return $"\"sdk\" '{range!.Trim()}' is not an SDK range: write it like {SdkInfo.CurrentRange}.";
        }

        if (needed.Major != sdk.Major)
        {
            return $"\"sdk\" '{range!.Trim()}': the plugin was built for SDK {needed.Major}.x and this is SDK {sdk.Major}.{sdk.Minor}: use a version of the plugin built for SDK {sdk.Major}.x.";
        }

        return SdkInfo.IsCompatible(needed)
            ? null
            : $"\"sdk\" '{range!.Trim()}': the plugin needs SDK {needed.Major}.{needed.Minor} or later and this is SDK {sdk.Major}.{sdk.Minor}: upgrade Extensible.";
    }

    /// <summary>
    /// The <c>entry</c> assembly: the plain file name of a <c>.dll</c> in the plugin's folder (<c>Acme.Hello.dll</c>),
    /// with no path, drive or separator, not starting with a dot. Required. Whether the file is there is checked where
    /// the folder is.
    /// </summary>
    /// <param name="entry">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Entry(string? entry)
    {
        if (Missing(entry, "entry", "the entry assembly's file name, like Acme.Hello.dll") is { } missing)
        {
            return missing;
        }

        var value = entry!.Trim();
        return value != Path.GetFileName(value) || value.IndexOfAny(['/', '\\', ':']) >= 0 || value.StartsWith('.') || Path.IsPathRooted(value)
            || !value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? $"\"entry\" '{value}' must be the plain file name of a .dll in the plugin's folder, without a path."
            : null;
    }

    /// <summary>Who wrote the plugin: optional, at most <see cref="MaxAuthorLength"/> characters.</summary>
    /// <param name="author">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Author(string? author) =>
        author?.Trim().Length > MaxAuthorLength ? $"\"author\" may be at most {MaxAuthorLength} characters." : null;

    /// <summary>What the plugin does, in a sentence or two: optional, at most <see cref="MaxDescriptionLength"/> characters.</summary>
    /// <param name="description">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Description(string? description) =>
        description?.Trim().Length > MaxDescriptionLength ? $"\"description\" may be at most {MaxDescriptionLength} characters." : null;

    /// <summary>A link's <c>title</c>: required for every link in <c>links</c>.</summary>
    /// <param name="title">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? LinkTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Every link needs a \"title\"." : null;

    /// <summary>
    /// A link's <c>url</c>: an absolute <c>http</c> or <c>https</c> address, or a page of the documentation every
    /// Extensible server serves from its <c>docs/</c> folder (<c>/docs/plugins/sandbox.md</c>: lower-case letters, digits
    /// and dashes, ending in <c>.md</c>), which works on a server without internet access. Anything else is refused.
    /// </summary>
    /// <param name="url">The field as written.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? LinkUrl(string? url) =>
        IsDocumentationPage(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            ? null
            : $"The link \"url\" '{url}' must be an absolute http or https URL, or a page of the server's documentation (/docs/….md).";

    /// <summary>Whether a link's <c>url</c> is a page of the server's documentation (<c>/docs/plugins/sandbox.md</c>), to be read relative to the server.</summary>
    /// <param name="url">The field as written.</param>
    /// <returns><see langword="true"/> for a documentation page.</returns>
    public static bool IsDocumentationPage(string? url) => url is not null && DocumentationPages().IsMatch(url);

    private static string? Missing(string? value, string field, string hint) =>
        string.IsNullOrWhiteSpace(value) ? $"{FileName} needs \"{field}\" ({hint})." : null;

    [GeneratedRegex("^[a-z][a-z0-9]*([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Ids();

    // semver.org's regular expression.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersions();

    [GeneratedRegex("^/docs/([a-z0-9-]+/)*[a-z0-9-]+\\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentationPages();
}
