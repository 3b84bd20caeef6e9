using Extensible.Plugins.Catalog;
using Extensible.Sdk;

namespace Extensible.Plugins.Manifest;

/// <summary>A plugin's <c>plugin.json</c>, validated.</summary>
/// <param name="Id">Lower-case letters, digits, dots and dashes (<c>acme.hello</c>).</param>
/// <param name="Name">What people read.</param>
/// <param name="Version">A semantic version.</param>
/// <param name="Sdk">The SDK range the plugin was built for (<c>^1.0</c>).</param>
/// <param name="Entry">The entry assembly's file name, in the plugin's folder.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Description">One sentence on what it does.</param>
/// <param name="Links">Home page, documentation, issues.</param>
/// <param name="Sandbox">A simulated network or sample, labelled as such everywhere.</param>
public sealed record PluginManifest(
    string Id,
    string Name,
    string Version,
    string Sdk,
    string Entry,
    string Author,
    string Description,
    IReadOnlyList<PluginLink> Links,
    bool Sandbox)
{
    /// <summary>The manifest's file name in a plugin folder.</summary>
    public const string FileName = ManifestRules.FileName;
}
