using System.Text.Json.Serialization;

namespace Extensible.Plugins.Manifest;

/// <summary><c>plugin.json</c> as written, before validation.</summary>
internal sealed record ManifestDocument(
    string? Id,
    string? Name,
    string? Version,
    string? Sdk,
    string? Entry,
    string? Author,
    string? Description,
    IReadOnlyList<ManifestLink>? Links,
    bool? Sandbox);

/// <summary>One link as written.</summary>
internal sealed record ManifestLink(string? Title, string? Url);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
