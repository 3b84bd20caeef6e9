namespace Extensible.Plugins.Installation;

/// <summary>
/// Watches the plugins folder and, once a top-level folder has been quiet for the debounce time, hands its name over
/// once — however many files a copy wrote.
/// </summary>
internal sealed class PluginFolderWatcher : IDisposable
{
    private readonly string _root;
    private readonly TimeSpan _debounce;
    private readonly Func<string, Task> _pickUp;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    public PluginFolderWatcher(string root, TimeSpan debounce, TimeProvider time, Func<string, Task> pickUp)
    {
        _root = Path.GetFullPath(root);
        _debounce = debounce;
        _pickUp = pickUp;
        _timer = time.CreateTimer(_ => _ = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Created += (_, e) => Touch(e.FullPath);
        _watcher.Changed += (_, e) => Touch(e.FullPath);
        _watcher.Deleted += (_, e) => Touch(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Touch(e.OldFullPath);
            Touch(e.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void Touch(string path)
    {
        var relative = Path.GetRelativePath(_root, path);
        var top = relative.Split(Path.DirectorySeparatorChar)[0];
        if (top.Length == 0 || top.StartsWith('.') || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return;
        }

        lock (_pending)
        {
            _pending.Add(top);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync()
    {
        string[] names;
        lock (_pending)
        {
            names = [.. _pending];
            _pending.Clear();
        }

        foreach (var name in names)
        {
            await _pickUp(name);
        }
    }
}
