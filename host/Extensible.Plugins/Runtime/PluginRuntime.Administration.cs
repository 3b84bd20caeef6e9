using Extensible.EventStore;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Events;
using Extensible.Plugins.Installation;
using Extensible.Plugins.Manifest;
using Extensible.Plugins.Settings;

namespace Extensible.Plugins.Runtime;

/// <summary>Installing, upgrading, enabling, disabling, uninstalling and configuring plugins.</summary>
internal sealed partial class PluginRuntime
{
    public async Task<PluginSummary> InstallAsync(Stream archive, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var stagingRoot = Path.Combine(_options.InstalledPath, ".staging");
        var staging = Path.Combine(stagingRoot, Guid.NewGuid().ToString("N"));
        string? upload = null;
        try
        {
            PluginManifest manifest;
            try
            {
                upload = await PluginArchive.SaveAsync(archive, stagingRoot, _options.MaxArchiveBytes, cancellationToken);
                manifest = PluginArchive.Extract(upload, staging, _options, cancellationToken);
            }
            catch (PluginManifestException e)
            {
                throw new PluginOperationException(PluginProblem.InvalidPlugin, e.Message);
            }

            if (_discovery.FindBundled(manifest.Id) is not null)
            {
                throw new PluginOperationException(PluginProblem.Conflict,
                    $"The plugin '{manifest.Id}' is shipped with Extensible and cannot be replaced by an upload; upgrade Extensible to get a newer version, or disable it.");
            }

            await _changes.WaitAsync(cancellationToken);
            try
            {
                return await SwapInAsync(manifest, staging, "upload", actor, cancellationToken);
            }
            finally
            {
                _changes.Release();
            }
        }
        finally
        {
            TryDelete(staging);
            if (upload is not null)
            {
                File.Delete(upload);
            }
        }
    }

    public async Task<PluginSummary> EnableAsync(string id, string actor, CancellationToken cancellationToken = default) =>
        await SwitchAsync(id, enable: true, actor, cancellationToken);

    public async Task<PluginSummary> DisableAsync(string id, string actor, CancellationToken cancellationToken = default) =>
        await SwitchAsync(id, enable: false, actor, cancellationToken);

    public async Task UninstallAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            PluginEntry entry;
            lock (_gate)
            {
                entry = Entry(id);
            }

            if (entry.Folder.Origin == PluginOrigin.Bundled)
            {
                throw new PluginOperationException(PluginProblem.Conflict, $"The plugin '{id}' is shipped with Extensible: it can be disabled, not uninstalled.");
            }

            await UnloadAsync(entry);
            MoveAway(entry.Folder.Path);
            lock (_gate)
            {
                _entries.Remove(id);
            }

            await AppendAsync(id, new PluginUninstalled(id, entry.Manifest?.Version ?? ""), actor, cancellationToken);
            PluginsLog.Uninstalled(_logger, id, actor);
            Raise(id, "uninstalled");
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task<SettingsSaveResult> SaveSettingsAsync(string id, IReadOnlyDictionary<string, string?> values, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await _changes.WaitAsync(cancellationToken);
        try
        {
            PluginEntry entry;
            Type? type;
            lock (_gate)
            {
                entry = Entry(id);
                if (entry.State != PluginState.Running || entry.Loaded is null)
                {
                    throw new PluginOperationException(PluginProblem.Conflict, $"The plugin '{id}' is not running, so its settings cannot be saved: enable it first.");
                }

                type = entry.Loaded.SettingsType;
            }

            if (type is null)
            {
                throw new PluginOperationException(PluginProblem.Conflict, $"The plugin '{id}' has no settings.");
            }

            var (stored, errors) = _settings.Prepare(id, type, values, entry.Settings);
            type = null;
            if (stored is null)
            {
                return new SettingsSaveResult(errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal));
            }

            await AppendAsync(id, new PluginSettingsSaved(id, stored, ChangedFields(entry.Settings, stored)), actor, cancellationToken);
            lock (_gate)
            {
                entry.Settings = stored;
            }

            Raise(id, "settings saved");
            return SettingsSaveResult.Success;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>A folder dropped into (or removed from) the plugins folder: installed, upgraded or uninstalled once.</summary>
    internal async Task PickUpAsync(string name)
    {
        await _changes.WaitAsync();
        try
        {
            var folder = _discovery.FindInstalled(name);
            PluginEntry? known;
            lock (_gate)
            {
                known = _entries.GetValueOrDefault(name);
            }

            if (folder is null)
            {
                if (known is { Folder.Origin: PluginOrigin.Installed })
                {
                    lock (_gate)
                    {
                        _entries.Remove(name);
                    }

                    await UnloadAsync(known);
                    await AppendAsync(name, new PluginUninstalled(name, known.Manifest?.Version ?? ""), "system", CancellationToken.None);
                    Raise(name, "uninstalled");
                }

                return;
            }

            if (_discovery.FindBundled(name) is not null)
            {
                PluginsLog.ShadowsBundled(_logger, folder.Path);
                return;
            }

            var manifest = TryReadManifest(folder);
            if (manifest is not null && manifest.Id == name && (known?.Manifest is null || known.Manifest.Version != manifest.Version))
            {
                object change = known?.Manifest is { } old
                    ? new PluginUpgraded(name, old.Version, manifest.Version)
                    : new PluginInstalled(name, manifest.Version, manifest.Name, "folder");
                await AppendAsync(name, change, "system", CancellationToken.None);
                PluginsLog.Installed(_logger, name, manifest.Version, "a dropped folder", "system");
                await ReconcileAsync(name, force: true, CancellationToken.None);
            }
            else if (manifest is null || manifest.Id != name)
            {
                await ReconcileAsync(name, force: true, CancellationToken.None);
            }
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

    private async Task<PluginSummary> SwapInAsync(PluginManifest manifest, string staging, string source, string actor, CancellationToken cancellationToken)
    {
        var target = Path.Combine(_options.InstalledPath, manifest.Id);
        PluginEntry? existing;
        lock (_gate)
        {
            existing = _entries.GetValueOrDefault(manifest.Id);
        }

        // The old version is unloaded before its folder is replaced.
        if (existing is not null)
        {
            await UnloadAsync(existing);
        }

        MoveAway(target);
        Directory.Move(staging, target);
        object change = existing?.Manifest is { } old
            ? new PluginUpgraded(manifest.Id, old.Version, manifest.Version)
            : new PluginInstalled(manifest.Id, manifest.Version, manifest.Name, source);
        await AppendAsync(manifest.Id, change, actor, cancellationToken);
        PluginsLog.Installed(_logger, manifest.Id, manifest.Version, source, actor);
        await ReconcileAsync(manifest.Id, force: true, cancellationToken);
        return Find(manifest.Id) ?? throw new PluginOperationException(PluginProblem.InvalidPlugin, $"The plugin '{manifest.Id}' was installed but could not be found.");
    }

    private async Task<PluginSummary> SwitchAsync(string id, bool enable, string actor, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                Entry(id);
            }

            var row = await _states.ReadAsync(id, cancellationToken);
            if (row.Enabled != enable || enable)
            {
                if (row.Enabled != enable)
                {
                    await AppendAsync(id, enable ? new PluginEnabled(id) : new PluginDisabled(id), actor, cancellationToken);
                }

                await ReconcileAsync(id, force: enable, cancellationToken);
            }

            return Find(id) ?? throw new PluginOperationException(PluginProblem.NotFound, $"No plugin has the id '{id}'.");
        }
        finally
        {
            _changes.Release();
        }
    }

    // A secret left blank keeps its stored (encrypted) text, so it counts as changed only when a new one was typed.
    private static List<string> ChangedFields(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        [.. after.Keys.Union(before.Keys, StringComparer.Ordinal)
            .Where(name => !before.TryGetValue(name, out var old) || !after.TryGetValue(name, out var now) || !string.Equals(old, now, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    // Renamed aside first (atomic), then deleted: a reader never sees a half-deleted plugin folder.
    private void MoveAway(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var trash = Path.Combine(_options.InstalledPath, ".removed", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
        Directory.Move(folder, trash);
        TryDelete(trash);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next start; folders starting with a dot are never loaded.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
