using Extensible.Plugins.Catalog;

namespace Extensible.Plugins.Installation;

/// <summary>A plugin folder found by discovery.</summary>
/// <param name="Path">The folder.</param>
/// <param name="Origin">Bundled with the product or installed by an operator.</param>
internal sealed record PluginFolder(string Path, PluginOrigin Origin)
{
    /// <summary>The folder's name: the plugin's id when the folder is well made.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
