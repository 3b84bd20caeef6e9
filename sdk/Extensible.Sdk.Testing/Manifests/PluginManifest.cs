using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extensible.Sdk.Testing.Manifests;

/// <summary>
/// A plugin's <c>plugin.json</c>, read and checked by the rules the host checks before loading anything
/// (<see cref="ManifestRules"/>): an id of lower-case letters and digits separated by dots or dashes, starting with a
/// letter, a semantic version, an <c>sdk</c> range this SDK satisfies, an entry assembly that is a file of the plugin's
/// folder, and links to http(s) addresses or the server's documentation. Like the host, it refuses fields it does not know.
/// </summary>
public sealed record PluginManifest
{
    /// <summary>The manifest's file name in a plugin's folder.</summary>
    public const string FileName = ManifestRules.FileName;

    /// <summary>The longest id the host accepts.</summary>
    public const int MaxIdLength = ManifestRules.MaxIdLength;

    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // as the host: a misspelt field is an error, not silence
    };

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
        if (!File.Exists(Path.Combine(folder, manifest.Entry!.Trim())))
        {
            throw new PluginManifestException($"The entry assembly {manifest.Entry} named in {FileName} is not in {folder}.");
        }

        return manifest;
    }

    /// <summary>Lists the rules (<see cref="ManifestRules"/>, the host's own) this manifest breaks.</summary>
    /// <returns>Each problem in words; empty when the host would accept it.</returns>
    public IReadOnlyList<string> Validate()
    {
        string?[] problems =
        [
            ManifestRules.Id(Id),
            ManifestRules.Name(Name),
            ManifestRules.Version(Version),
            ManifestRules.Sdk(Sdk),
            ManifestRules.Entry(Entry),
            ManifestRules.Author(Author),
            ManifestRules.Description(Description),
            .. (Links ?? []).SelectMany(link => new[] { ManifestRules.LinkTitle(link?.Title), ManifestRules.LinkUrl(link?.Url) }),
        ];
        return [.. problems.OfType<string>()];
    }
}
