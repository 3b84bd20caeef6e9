using System.Reflection;
using System.Runtime.Loader;

namespace Extensible.Plugins.Loading;

/// <summary>
/// One plugin's collectible load context: shared assemblies from the host, everything else from the plugin's folder
/// (through its deps.json), read from bytes so the folder stays replaceable while the plugin runs.
/// </summary>
internal sealed class PluginLoadContext(string pluginId, string entryPath) : AssemblyLoadContext($"plugin:{pluginId}", isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(entryPath);
    private readonly string _folder = Path.GetDirectoryName(entryPath)!;

    public Assembly LoadEntry() => LoadFile(entryPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (SharedAssemblies.IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var local = Path.Combine(_folder, assemblyName.Name + ".dll");
            path = File.Exists(local) ? local : null;
        }

        // Unknown to the plugin: the host's own copy, if it has one (default context).
        return path is null ? null : LoadFile(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private Assembly LoadFile(string path)
    {
        using var assembly = new MemoryStream(File.ReadAllBytes(path));
        var pdbPath = Path.ChangeExtension(path, ".pdb");
        if (File.Exists(pdbPath))
        {
            using var pdb = new MemoryStream(File.ReadAllBytes(pdbPath));
            return LoadFromStream(assembly, pdb);
        }

        return LoadFromStream(assembly);
    }
}
