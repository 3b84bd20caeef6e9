namespace Extensible.Plugins.Loading;

/// <summary>Counts plugin load contexts alive in this process, through weak references: unloads that leak show here.</summary>
internal static class PluginLoadContexts
{
    private static readonly List<WeakReference> All = [];

    public static void Track(PluginLoadContext context)
    {
        lock (All)
        {
            All.RemoveAll(w => !w.IsAlive);
            All.Add(new WeakReference(context));
        }
    }

    /// <summary>Load contexts of one plugin still alive.</summary>
    public static int AliveFor(string pluginId)
    {
        lock (All)
        {
            All.RemoveAll(w => !w.IsAlive);
            return All.Count(w => (w.Target as PluginLoadContext)?.Name == "plugin:" + pluginId);
        }
    }

    public static int Alive
    {
        get
        {
            lock (All)
            {
                All.RemoveAll(w => !w.IsAlive);
                return All.Count;
            }
        }
    }
}
