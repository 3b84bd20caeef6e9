using System.Text.Json.Serialization;

namespace Extensible.Sdk.Testing.Manifests;

/// <summary>A link a plugin's manifest offers (documentation, source, support).</summary>
/// <param name="Title">What the link is.</param>
/// <param name="Url">An absolute http or https URL, or a page of the server's documentation (<c>/docs/plugins/….md</c>).</param>
public sealed record PluginManifestLink(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string? Url);
