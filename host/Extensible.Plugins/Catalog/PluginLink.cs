namespace Extensible.Plugins.Catalog;

/// <summary>A link from a plugin's manifest (home page, documentation, issues).</summary>
/// <param name="Title">What the link is.</param>
/// <param name="Url">An absolute http(s) address.</param>
public sealed record PluginLink(string Title, Uri Url);
