using System.Runtime.Loader;

namespace Extensible.Plugins.Loading;

/// <summary>Counts plugin load contexts alive in this process, through weak references: unloads that leak show here.</summary>
internal static class PluginLoadContexts
{
    private static readonly List<(string PluginId, WeakReference Context)> All = [];

    public static void Track(string pluginId, AssemblyLoadContext context)
    {
        lock (All)
        {
            All.RemoveAll(w => !w.Context.IsAlive);
            All.Add((pluginId, new WeakReference(context)));
        }
    }

    /// <summary>Load contexts of one plugin still alive.</summary>
    public static int AliveFor(string pluginId)
    {
        lock (All)
        {
            All.RemoveAll(w => !w.Context.IsAlive);
            return All.Count(w => w.PluginId == pluginId);
        }
    }

    public static int Alive
    {
        get
        {
            lock (All)
            {
                All.RemoveAll(w => !w.Context.IsAlive);
                return All.Count;
            }
        }
    }
}
