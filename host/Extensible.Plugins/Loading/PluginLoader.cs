using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Manifest;
using Extensible.Sdk;
using McMasterLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace Extensible.Plugins.Loading;

/// <summary>
/// Loads a plugin folder into its own collectible context (through McMaster.NETCore.Plugins), creates its entry point,
/// lets it register, and creates its capabilities; unloads and verifies that the context is collected. Everything a
/// plugin does here runs under a timeout, and any failure becomes a reason in words.
/// </summary>
internal sealed class PluginLoader(PluginsOptions options)
{
    public async Task<LoadedPlugin> LoadAsync(string folder, PluginManifest manifest, Func<IPluginContext> context, PluginCallGuard guard)
    {
        var entryPath = Path.GetFullPath(Path.Combine(folder, manifest.Entry));
        var loader = CreateLoader(entryPath);
        try
        {
            return await RegisterAsync(loader, manifest, context, guard);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    private static McMasterLoader CreateLoader(string entryPath)
    {
        try
        {
            return McMasterLoader.CreateFromAssemblyFile(entryPath, isUnloadable: true, SharedAssemblies.Types, config =>
            {
                config.PreferSharedTypes = true;
                foreach (var name in SharedAssemblies.HostPrivate)
                {
                    config.PrivateAssemblies.Add(new AssemblyName(name));
                }

                // Read from bytes, so the folder stays replaceable (and deletable) while the plugin runs; no file
                // watching, which would keep the loader (and its context) alive and reload behind the runtime's back.
                config.LoadInMemory = true;
                config.EnableHotReload = false;
            });
        }
        catch (Exception e)
        {
            throw new PluginLoadException($"its load context could not be created: {e.Message}");
        }
    }

    /// <summary>Unloads a plugin and waits (boundedly) for its load context to be collected.</summary>
    /// <returns>Null when it was collected; otherwise why not.</returns>
    public async Task<string?> UnloadAsync(LoadedPlugin loaded)
    {
        loaded.Drop();
        var weak = StartUnload(loaded);
        for (var attempt = 0; attempt < options.UnloadAttempts; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!weak.IsAlive)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 + (attempt * 10)));
        }

        return $"its code stayed in memory after {options.UnloadAttempts} garbage collections (something still holds one of its objects, e.g. a running thread or a static cache); restart the host to free it";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference StartUnload(LoadedPlugin loaded)
    {
        // Taken out of the plugin record: the caller's async state keeps the record alive while it waits.
        var loader = loaded.Loader!;
        loaded.Loader = null;
        loader.Dispose();
        return loaded.Context;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<LoadedPlugin> RegisterAsync(McMasterLoader loader, PluginManifest manifest, Func<IPluginContext> makeContext, PluginCallGuard guard)
    {
        var (entryType, loadContext) = FindEntryType(loader, manifest);
        var builder = new PluginBuilder(manifest.Id);
        await WithinAsync("its constructor and registration", () =>
        {
            var plugin = (IPlugin)Activator.CreateInstance(entryType)!;
            plugin.Register(builder);
        });

        CheckSettings(builder.SettingsType);
        var loaded = new LoadedPlugin { Loader = loader, Context = new WeakReference(loadContext, trackResurrection: true), SettingsType = builder.SettingsType };
        var context = makeContext();
        await WithinAsync("creating its capabilities", () =>
        {
            foreach (var create in builder.Connectors)
            {
                var connector = create(context) ?? throw new PluginLoadException("a connector factory returned nothing");
                var profile = connector.Profile;
                loaded.Connectors.Add(new(manifest.Id, new PluginCapability("connector", profile.Key, profile.DisplayName, $"Publishing and inbox for {profile.DisplayName}."), connector, guard));
            }

            foreach (var create in builder.ContentRules)
            {
                var rule = create(context) ?? throw new PluginLoadException("a content rule factory returned nothing");
                loaded.ContentRules.Add(new(manifest.Id, Describe("content-rule", rule.Info), rule, guard));
            }

            foreach (var create in builder.ModerationSteps)
            {
                var step = create(context) ?? throw new PluginLoadException("a moderation step factory returned nothing");
                loaded.ModerationSteps.Add(new(manifest.Id, Describe("moderation-step", step.Info), step, guard));
            }

            foreach (var create in builder.InfluencerSources)
            {
                var source = create(context) ?? throw new PluginLoadException("an influencer source factory returned nothing");
                loaded.InfluencerSources.Add(new(manifest.Id, Describe("influencer-source", source.Info), source, guard));
            }

            foreach (var create in builder.ListeningSources)
            {
                var source = create(context) ?? throw new PluginLoadException("a listening source factory returned nothing");
                loaded.ListeningSources.Add(new(manifest.Id, Describe("listening-source", source.Info), source, guard));
            }
        });

        CheckKeys(loaded.Describe());
        return loaded;
    }

    /// <summary>Refuses a settings class the SDK's <see cref="SettingsRules"/> refuse: its settings would be lost, not edited.</summary>
    internal static void CheckSettings(Type? settingsType)
    {
        if (settingsType is not null && SettingsRules.Class(settingsType) is { } problem)
        {
            throw new PluginLoadException(problem);
        }
    }

    /// <summary>Refuses capabilities whose keys break the SDK's <see cref="CapabilityRules"/>, kind by kind.</summary>
    internal static void CheckKeys(IEnumerable<PluginCapability> capabilities)
    {
        foreach (var kind in capabilities.GroupBy(c => c.Kind))
        {
            var registered = new List<string>();
            foreach (var capability in kind)
            {
                if (CapabilityRules.Key(kind.Key.Replace('-', ' '), capability.Key, registered) is { } problem)
                {
                    throw new PluginLoadException(problem);
                }

                registered.Add(capability.Key);
            }
        }
    }

    private static PluginCapability Describe(string kind, CapabilityInfo info) => new(kind, info.Key, info.Name, info.Description);

    private static (Type Entry, AssemblyLoadContext Context) FindEntryType(McMasterLoader loader, PluginManifest manifest)
    {
        Type[] types;
        AssemblyLoadContext context;
        try
        {
            var entry = loader.LoadDefaultAssembly();
            context = AssemblyLoadContext.GetLoadContext(entry)!;
            PluginLoadContexts.Track(manifest.Id, context);
            types = entry.GetExportedTypes();
        }
        catch (BadImageFormatException)
        {
            throw new PluginLoadException($"its entry '{manifest.Entry}' is not a .NET assembly");
        }
        catch (FileNotFoundException e)
        {
            throw new PluginLoadException($"a dependency is missing from its folder: {e.FileName ?? e.Message}");
        }
        catch (FileLoadException e)
        {
            throw new PluginLoadException($"a dependency could not be loaded: {e.FileName ?? e.Message}");
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new PluginLoadException($"some of its types could not be loaded: {e.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message}");
        }

        var candidates = types.Where(t => t.IsClass && !t.IsAbstract && typeof(IPlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        return candidates.Count switch
        {
            1 => (candidates[0], context),
            0 => throw new PluginLoadException($"'{manifest.Entry}' has no public, non-abstract class implementing IPlugin (of SDK {SdkVersion.Describe()}) with a public parameterless constructor"),
            _ => throw new PluginLoadException($"'{manifest.Entry}' has several classes implementing IPlugin ({string.Join(", ", candidates.Select(c => c.Name))}); keep one"),
        };
    }

    private async Task WithinAsync(string what, Action action)
    {
        var running = Task.Run(action);
        try
        {
            await running.WaitAsync(options.RegisterTimeout);
        }
        catch (TimeoutException) when (!running.IsCompleted)
        {
            _ = running.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new PluginLoadException($"{what} did not finish within {options.RegisterTimeout.TotalSeconds:0.###} s");
        }
        catch (PluginLoadException)
        {
            throw;
        }
        catch (FileNotFoundException e)
        {
            throw new PluginLoadException($"a dependency is missing from its folder: {e.FileName ?? e.Message}");
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
            throw new PluginLoadException($"{what} threw {inner.GetType().Name}: {inner.Message}");
        }
    }
}
