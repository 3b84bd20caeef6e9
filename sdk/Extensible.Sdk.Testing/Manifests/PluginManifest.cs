using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Extensible.Sdk.Testing.Manifests;

/// <summary>
/// A plugin's <c>plugin.json</c>, read and checked the way the host checks it before loading anything: an id of
/// lower-case letters and digits separated by dots or dashes, a semantic version, an <c>sdk</c> range this SDK satisfies
/// (<see cref="SdkInfo.IsCompatible(string?)"/>), and an entry assembly that is a file of the plugin's folder.
/// </summary>
public sealed partial record PluginManifest
{
    /// <summary>The manifest's file name in a plugin's folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>The longest id the host accepts.</summary>
    public const int MaxIdLength = 100;

    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The plugin's id, unique in an installation (<c>acme.hello</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name people read.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The plugin's semantic version (<c>1.0.0</c>, <c>1.1.0-beta.1</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>The SDK versions it runs on (<c>^1.0</c>: SDK 1.x from 1.0).</summary>
    [JsonPropertyName("sdk")]
    public string? Sdk { get; init; }

    /// <summary>The entry assembly's file name in the plugin's folder (<c>Acme.Hello.dll</c>).</summary>
    [JsonPropertyName("entry")]
    public string? Entry { get; init; }

    /// <summary>Who wrote it.</summary>
    [JsonPropertyName("author")]
    public string? Author { get; init; }

    /// <summary>One or two sentences on what it does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Links to its documentation, source or support.</summary>
    [JsonPropertyName("links")]
    public IReadOnlyList<PluginManifestLink> Links { get; init; } = [];

    /// <summary>Whether it is a simulated network (labelled as a sandbox everywhere).</summary>
    [JsonPropertyName("sandbox")]
    public bool Sandbox { get; init; }

    /// <summary>Reads a manifest's JSON and checks it.</summary>
    /// <param name="json">The content of <c>plugin.json</c>.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The JSON is malformed or the manifest breaks a rule; every problem is listed.</exception>
    public static PluginManifest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(json, Json);
        }
        catch (JsonException exception)
        {
            throw new PluginManifestException($"{FileName} is not valid JSON: {exception.Message}", exception);
        }

        if (manifest is null)
        {
            throw new PluginManifestException($"{FileName} holds null instead of an object.");
        }

        var problems = manifest.Validate();
        if (problems.Count > 0)
        {
            throw new PluginManifestException($"{FileName} is not valid: {string.Join(" ", problems)}", problems);
        }

        return manifest;
    }

    /// <summary>Reads and checks the manifest of a plugin folder (such as a <c>dotnet publish</c> output), including that its entry assembly is there.</summary>
    /// <param name="folder">The plugin's folder.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The manifest is missing, malformed or breaks a rule, or the entry assembly is missing.</exception>
    public static PluginManifest Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new PluginManifestException($"The plugin folder {folder} has no {FileName}.");
        }

        var manifest = Parse(File.ReadAllText(path));
        if (!File.Exists(Path.Combine(folder, manifest.Entry!)))
        {
            throw new PluginManifestException($"The entry assembly {manifest.Entry} named in {FileName} is not in {folder}.");
        }

        return manifest;
    }

    /// <summary>Lists the rules this manifest breaks.</summary>
    /// <returns>Each problem in words; empty when the host would accept it.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("\"id\" is required (lower-case, e.g. acme.hello).");
        }
        else if (Id.Length > MaxIdLength || !Ids().IsMatch(Id))
        {
            problems.Add($"\"id\" '{Id}' must be lower-case letters and digits separated by dots or dashes (acme.hello), at most {MaxIdLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("\"name\" is required.");
        }
        else if (Name.Length > 100)
        {
            problems.Add("\"name\" may be at most 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(Version))
        {
            problems.Add("\"version\" is required (a semantic version, e.g. 1.0.0).");
        }
        else if (!SemanticVersions().IsMatch(Version))
        {
            problems.Add($"\"version\" '{Version}' is not a semantic version (major.minor.patch, e.g. 1.0.0 or 1.1.0-beta.1).");
        }

        CheckSdk(problems);
        CheckEntry(problems);
        if (Author is { Length: > 200 })
        {
            problems.Add("\"author\" may be at most 200 characters.");
        }

        if (Description is { Length: > 1000 })
        {
            problems.Add("\"description\" may be at most 1000 characters.");
        }

        foreach (var link in Links ?? [])
        {
            if (link is null || string.IsNullOrWhiteSpace(link.Title))
            {
                problems.Add("Every link needs a \"title\".");
            }

            // As the host's PluginLink.Parse: a page of the server's documentation is how bundled plugins link to docs/.
            var docsPage = link?.Url is { } path && DocsPages().IsMatch(path);
            if (!docsPage && (link is null || !Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                problems.Add($"The link \"url\" '{link?.Url}' must be an absolute http or https URL, or a page of the server's documentation (/docs/….md).");
            }
        }

        return problems;
    }

    private void CheckSdk(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Sdk))
        {
            problems.Add($"\"sdk\" is required (the SDK range, e.g. {SdkInfo.CurrentRange}).");
        }
        else if (!SdkInfo.TryParseRange(Sdk, out var minimum))
        {
            problems.Add($"\"sdk\" '{Sdk}' is not an SDK range (e.g. {SdkInfo.CurrentRange}).");
        }
        else if (!SdkInfo.IsCompatible(minimum))
        {
            problems.Add($"\"sdk\" '{Sdk}' needs SDK {minimum.Major}.{minimum.Minor} or a later {minimum.Major}.x; this is SDK {SdkInfo.VersionText}.");
        }
    }

    private void CheckEntry(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Entry))
        {
            problems.Add("\"entry\" is required (the entry assembly's file name, e.g. Acme.Hello.dll).");
        }
        else if (Entry != Path.GetFileName(Entry) || Entry.Contains('/', StringComparison.Ordinal) || Entry.Contains('\\', StringComparison.Ordinal)
            || Entry.StartsWith('.') || Path.IsPathRooted(Entry))
        {
            problems.Add($"\"entry\" '{Entry}' must be a file name in the plugin's folder, without a path.");
        }
        else if (!Entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"\"entry\" '{Entry}' must name a .dll.");
        }
    }

    [GeneratedRegex("^/docs/([a-z0-9-]+/)*[a-z0-9-]+\\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex DocsPages();

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Ids();

    // semver.org's regular expression.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersions();
}
