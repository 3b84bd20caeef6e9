using System.Text.Json;
using System.Text.RegularExpressions;
using Extensible.Plugins.Catalog;

namespace Extensible.Plugins.Manifest;

/// <summary>Reads and strictly validates <c>plugin.json</c>; every refusal says what is wrong in words.</summary>
public static partial class ManifestReader
{
    /// <summary>The largest manifest read.</summary>
    public const int MaxManifestBytes = 64 * 1024;

    /// <summary>Reads the manifest of a plugin folder and checks that its entry assembly is there.</summary>
    /// <exception cref="PluginManifestException">The manifest is missing or invalid.</exception>
    public static PluginManifest ReadFolder(string folder)
    {
        var path = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginManifestException($"The folder '{Path.GetFileName(folder)}' has no {PluginManifest.FileName}.");
        }

        if (new FileInfo(path).Length > MaxManifestBytes)
        {
            throw new PluginManifestException($"{PluginManifest.FileName} is larger than {MaxManifestBytes / 1024} KB.");
        }

        var manifest = Parse(File.ReadAllText(path));
        if (!File.Exists(Path.Combine(folder, manifest.Entry)))
        {
            throw new PluginManifestException($"The entry assembly '{manifest.Entry}' named in {PluginManifest.FileName} is not in the plugin's folder.");
        }

        return manifest;
    }

    /// <summary>Parses and validates a manifest's text (the entry assembly's presence is not checked).</summary>
    /// <exception cref="PluginManifestException">The manifest is invalid.</exception>
    public static PluginManifest Parse(string json)
    {
        ManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ManifestDocument);
        }
        catch (JsonException e)
        {
            throw new PluginManifestException($"{PluginManifest.FileName} is not valid: {e.Message}", e);
        }

        if (document is null)
        {
            throw new PluginManifestException($"{PluginManifest.FileName} must be a JSON object.");
        }

        var id = Required(document.Id, "id");
        if (id.Length > 100 || !IdPattern().IsMatch(id))
        {
            throw new PluginManifestException($"The id '{id}' is not valid: use lower-case letters, digits, dots and dashes, starting with a letter (at most 100 characters), like acme.hello.");
        }

        var name = Required(document.Name, "name");
        if (name.Length > 100)
        {
            throw new PluginManifestException("The name must be at most 100 characters.");
        }

        var version = Required(document.Version, "version");
        if (!SemVer().IsMatch(version))
        {
            throw new PluginManifestException($"The version '{version}' is not a semantic version like 1.0.0.");
        }

        var sdk = Required(document.Sdk, "sdk");
        if (SdkVersion.Check(sdk) is { } mismatch)
        {
            throw new PluginManifestException($"The plugin cannot run on this host: {mismatch}.");
        }

        var entry = Required(document.Entry, "entry");
        if (entry != Path.GetFileName(entry) || entry.Contains('\\', StringComparison.Ordinal) || entry.Contains(':', StringComparison.Ordinal)
            || entry is "." or ".." || !entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginManifestException($"The entry '{entry}' must be the plain file name of a .dll in the plugin's folder.");
        }

        var links = new List<PluginLink>();
        foreach (var link in document.Links ?? [])
        {
            var title = link?.Title?.Trim();
            if (string.IsNullOrEmpty(title) || PluginLink.Parse(link!.Url) is not { } url)
            {
                throw new PluginManifestException("Every link needs a title and an absolute http or https url, or a page of the server's documentation (/docs/….md).");
            }

            links.Add(new PluginLink(title, url));
        }

        return new PluginManifest(id, name.Trim(), version, sdk.Trim(), entry, document.Author?.Trim() ?? "", document.Description?.Trim() ?? "", links, document.Sandbox ?? false);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new PluginManifestException($"{PluginManifest.FileName} needs \"{field}\".") : value.Trim();

    [GeneratedRegex("^[a-z][a-z0-9]*([.-][a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();
}
