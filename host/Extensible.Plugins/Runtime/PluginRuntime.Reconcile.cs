using Extensible.EventStore;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Events;
using Extensible.Plugins.Installation;
using Extensible.Plugins.Loading;
using Extensible.Plugins.Manifest;
using Extensible.Plugins.Network;
using Extensible.Plugins.Storage;
using Extensible.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Plugins.Runtime;

/// <summary>Making this node's loaded plugins match the folders and the event store.</summary>
internal sealed partial class PluginRuntime
{
    private async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            var rows = await _states.ReadAllAsync(cancellationToken);
            var folders = _discovery.FindAll();
            var bundled = folders.Where(f => f.Origin == PluginOrigin.Bundled).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                if (folder.Origin == PluginOrigin.Installed && bundled.Contains(folder.Name))
                {
                    PluginsLog.ShadowsBundled(_logger, folder.Path);
                    continue;
                }

                if (folder.Origin == PluginOrigin.Installed && await _store.GetStreamAsync(PluginEventTypes.StreamOf(folder.Name), cancellationToken: cancellationToken) is null
                    && TryReadManifest(folder) is { } found && found.Id == folder.Name)
                {
                    // Dropped while the host was stopped: installed once, now.
                    await AppendAsync(found.Id, new PluginInstalled(found.Id, found.Version, found.Name, "folder"), "system", cancellationToken);
                }

                await ReconcileFolderAsync(folder, rows.GetValueOrDefault(folder.Name) ?? PluginStateRow.Default, force: false, cancellationToken);
            }
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Brings one plugin in line with its folder and the read model; call under <see cref="_changes"/>.</summary>
    private async Task ReconcileAsync(string id, bool force, CancellationToken cancellationToken)
    {
        var folder = _discovery.FindBundled(id) ?? _discovery.FindInstalled(id);
        if (folder is null)
        {
            PluginEntry? gone;
            lock (_gate)
            {
                _entries.Remove(id, out gone);
            }

            if (gone is not null)
            {
                await UnloadAsync(gone);
                Raise(id, "uninstalled");
            }

            return;
        }

        await ReconcileFolderAsync(folder, await _states.ReadAsync(id, cancellationToken), force, cancellationToken);
    }

    private async Task ReconcileFolderAsync(PluginFolder folder, PluginStateRow row, bool force, CancellationToken cancellationToken)
    {
        PluginManifest manifest;
        try
        {
            manifest = ManifestReader.ReadFolder(folder.Path);
            if (manifest.Id != folder.Name)
            {
                throw new PluginManifestException($"The folder is named '{folder.Name}' but its {PluginManifest.FileName} says the id is '{manifest.Id}': name the folder after the id.");
            }
        }
        catch (PluginManifestException e)
        {
            var broken = EntryFor(folder.Name, folder);
            await UnloadAsync(broken);
            broken.Manifest = null;
            await FailAsync(broken, e.Message, row, cancellationToken);
            return;
        }

        var entry = EntryFor(manifest.Id, folder);
        // Announced only when they differ from what this node had: a reconcile after an enable (or this node's own
        // save, followed back) changed no settings, and must not say so.
        var settingsChanged = !SameSettings(entry.Settings, row.Settings);
        entry.Settings = row.Settings;
        var changedCode = entry.Manifest is null || entry.Manifest.Version != manifest.Version || entry.Folder.Path != folder.Path;
        if (entry.Loaded is not null && changedCode)
        {
            await UnloadAsync(entry);
        }

        lock (_gate)
        {
            entry.Manifest = manifest;
            entry.Folder = folder;
        }

        if (!row.Enabled)
        {
            // Read before the unload, which marks a running plugin disabled itself: the change must still be announced.
            var wasDisabled = entry.State == PluginState.Disabled && entry.Loaded is null;
            await UnloadAsync(entry);
            entry.State = PluginState.Disabled;
            if (!wasDisabled)
            {
                PluginsLog.Disabled(_logger, entry.Id);
                Raise(entry.Id, "disabled");
            }

            return;
        }

        if (entry.Loaded is not null)
        {
            if (settingsChanged)
            {
                Raise(entry.Id, "settings saved");
            }

            return;
        }

        if (entry.State == PluginState.Failed && !force && !changedCode)
        {
            return;
        }

        try
        {
            var guard = NewGuard(entry.Id);
            var loaded = await _loader.LoadAsync(folder.Path, manifest, () => NewContext(entry.Id), guard);
            lock (_gate)
            {
                entry.Guard = guard;
                entry.Loaded = loaded;
                entry.State = PluginState.Running;
                entry.FailureReason = null;
            }

            PluginsLog.Running(_logger, entry.Id, manifest.Version, folder.Origin.ToString().ToLowerInvariant());
            Raise(entry.Id, "running");
        }
        catch (PluginLoadException e)
        {
            await FailAsync(entry, $"The plugin could not start: {e.Message}.", row, cancellationToken);
        }
    }

    private static bool SameSettings(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && string.Equals(pair.Value, other, StringComparison.Ordinal));

    private PluginEntry EntryFor(string id, PluginFolder folder)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var entry))
            {
                _entries[id] = entry = new PluginEntry(id, folder, NewGuard(id));
            }

            return entry;
        }
    }

    private async Task FailAsync(PluginEntry entry, string reason, PluginStateRow row, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            entry.State = PluginState.Failed;
            entry.FailureReason = reason;
        }

        PluginsLog.Failed(_logger, entry.Id, reason);
        if (row.LastFailure != reason)
        {
            await AppendAsync(entry.Id, new PluginFailed(entry.Id, entry.Manifest?.Version, reason, _node), "system", cancellationToken);
        }

        Raise(entry.Id, "failed");
    }

    private async Task UnloadAsync(PluginEntry entry)
    {
        LoadedPlugin? loaded;
        lock (_gate)
        {
            loaded = entry.Loaded;
            entry.Loaded = null;
            if (entry.State == PluginState.Running)
            {
                entry.State = PluginState.Disabled;
            }
        }

        if (loaded is null)
        {
            return;
        }

        var problem = await _loader.UnloadAsync(loaded);
        entry.UnloadProblem = problem;
        if (problem is not null)
        {
            PluginsLog.UnloadFailed(_logger, entry.Id, problem);
            await TryAppendAsync(entry.Id, new PluginFailed(entry.Id, entry.Manifest?.Version, "Unload failed: " + problem, _node));
        }
    }

    private PluginCallGuard NewGuard(string id) => new(id, _options, _time, (operation, message) => CallFailed(id, operation, message));

    private PluginContext NewContext(string id) => new PluginContext(
        id,
        _loggers.CreateLogger("Extensible.Plugins." + id),
        _time,
        _http.CreateClient(PluginNetworkGuard.ClientPrefix + id),
        new PluginStore(id, _dataSource, _storeWrites),
        new PluginOwnEvents(id, _store),
        type => SettingsFor(id, type),
        // Resolved at use: the accounts module that keeps credentials depends on this runtime.
        () => _services.GetService<IRenewedCredentialsKeeper>());

    private object SettingsFor(string id, Type type)
    {
        IReadOnlyDictionary<string, string?> stored;
        lock (_gate)
        {
            stored = _entries.TryGetValue(id, out var entry) ? entry.Settings : new Dictionary<string, string?>();
        }

        return _settings.Bind(id, type, stored);
    }

    private void CallFailed(string id, string operation, string message)
    {
        PluginsLog.CallFailed(_logger, id, operation, message);
        int failures;
        lock (_callFailures)
        {
            var now = _time.GetUtcNow();
            var (last, suppressed) = _callFailures.GetValueOrDefault(id);
            if (now - last < _options.CallFailureEventInterval)
            {
                _callFailures[id] = (last, suppressed + 1);
                return;
            }

            _callFailures[id] = (now, 0);
            failures = suppressed + 1;
        }

        _ = TryAppendAsync(id, new PluginCallFailed(id, operation, message, failures, _node));
    }

    private async Task FollowAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => (Id: PluginEventTypes.PluginOf(e.Data), Force: e.Data is PluginEnabled or PluginInstalled or PluginUpgraded))
            .Where(x => x.Id is not null).GroupBy(x => x.Id!).Select(g => (g.Key, g.Any(x => x.Force))).ToList();
        foreach (var (id, force) in ids)
        {
            await _changes.WaitAsync(cancellationToken);
            try
            {
                await ReconcileAsync(id, force, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PluginsLog.ReconcileFailed(_logger, e);
            }
            finally
            {
                _changes.Release();
            }
        }
    }

    private async Task<long> AppendAsync(string id, object data, string actor, CancellationToken cancellationToken, long expectedVersion = ExpectedVersion.Any)
    {
        var result = await _store.AppendAsync(PluginEventTypes.StreamOf(id), expectedVersion, [data], new EventMetadata { User = actor }, cancellationToken);
        return result.Events[^1].Version;
    }

    private async Task TryAppendAsync(string id, object data)
    {
        try
        {
            await AppendAsync(id, data, "system", CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            PluginsLog.EventNotRecorded(_logger, e);
        }
    }

    private static PluginManifest? TryReadManifest(PluginFolder folder)
    {
        try
        {
            return ManifestReader.ReadFolder(folder.Path);
        }
        catch (PluginManifestException)
        {
            return null;
        }
    }
}
