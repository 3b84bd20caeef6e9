using System.Text.Json;
using Extensible.Plugins.Catalog;
using Extensible.Sdk;

namespace Extensible.Plugins.Manifest;

/// <summary>Reads and strictly validates <c>plugin.json</c>; every refusal says what is wrong in words.</summary>
public static class ManifestReader
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

        Check(ManifestRules.Id(document.Id));
        Check(ManifestRules.Name(document.Name));
        Check(ManifestRules.Version(document.Version));
        Check(ManifestRules.Sdk(document.Sdk));
        Check(ManifestRules.Entry(document.Entry));
        Check(ManifestRules.Author(document.Author));
        Check(ManifestRules.Description(document.Description));

        var links = new List<PluginLink>();
        foreach (var link in document.Links ?? [])
        {
            Check(ManifestRules.LinkTitle(link?.Title) ?? ManifestRules.LinkUrl(link?.Url));
            links.Add(new PluginLink(link!.Title!.Trim(), PluginLink.Parse(link.Url)!));
        }

        return new PluginManifest(document.Id!.Trim(), document.Name!.Trim(), document.Version!.Trim(), document.Sdk!.Trim(), document.Entry!.Trim(),
            document.Author?.Trim() ?? "", document.Description?.Trim() ?? "", links, document.Sandbox ?? false);
    }

    // The rules are the SDK's (ManifestRules), so the test kit's checker accepts exactly what the host accepts.
    private static void Check(string? problem)
    {
        if (problem is not null)
        {
            throw new PluginManifestException(problem);
        }
    }
}
