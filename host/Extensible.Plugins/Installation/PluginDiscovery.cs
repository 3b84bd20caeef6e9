using Extensible.Plugins.Catalog;

namespace Extensible.Plugins.Installation;

/// <summary>Finds plugin folders: bundled ones beside the host, installed ones in the plugins folder (one folder per plugin).</summary>
internal sealed class PluginDiscovery(PluginsOptions options)
{
    public IReadOnlyList<PluginFolder> FindAll() => [.. Find(options.BundledFullPath, PluginOrigin.Bundled), .. Find(options.InstalledPath, PluginOrigin.Installed)];

    public PluginFolder? FindInstalled(string name)
    {
        var path = Path.Combine(options.InstalledPath, name);
        return IsPluginFolder(path) ? new PluginFolder(path, PluginOrigin.Installed) : null;
    }

    public PluginFolder? FindBundled(string name)
    {
        var path = Path.Combine(options.BundledFullPath, name);
        return IsPluginFolder(path) ? new PluginFolder(path, PluginOrigin.Bundled) : null;
    }

    private static IEnumerable<PluginFolder> Find(string root, PluginOrigin origin) =>
        !Directory.Exists(root) ? [] :
        Directory.EnumerateDirectories(root).Where(IsPluginFolder).Order(StringComparer.Ordinal).Select(d => new PluginFolder(d, origin));

    // Folders starting with a dot are the runtime's own (staging, removed versions).
    private static bool IsPluginFolder(string path) => !Path.GetFileName(path).StartsWith('.') && Directory.Exists(path);
}
