using Extensible.EventStore;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Events;
using Extensible.Plugins.Installation;
using Extensible.Plugins.Loading;
using Extensible.Plugins.Manifest;
using Extensible.Plugins.Settings;
using Extensible.Plugins.Storage;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Plugins.Runtime;

/// <summary>
/// The plugin runtime of one node: finds plugin folders, loads what the event store says is enabled, follows every
/// node's changes through an event subscription, installs, upgrades and uninstalls at runtime, and hands out the running
/// capabilities behind their guards.
/// </summary>
internal sealed partial class PluginRuntime : IPluginCatalog, IPluginAdministration, IPluginCapabilities, IHostedService, IAsyncDisposable
{
    private readonly PluginsOptions _options;
    private readonly EventStore.EventStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PluginStoreWrites _storeWrites;
    private readonly PluginStates _states;
    private readonly PluginDiscovery _discovery;
    private readonly PluginLoader _loader;
    private readonly PluginSettingsStore _settings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly IHttpClientFactory _http;
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PluginEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Last, int Suppressed)> _callFailures = new(StringComparer.Ordinal);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";
    private EventSubscription? _subscription;
    private PluginFolderWatcher? _watcher;

    public PluginRuntime(IOptions<PluginsOptions> options, EventStore.EventStore store, NpgsqlDataSource dataSource, SettingsVault vault, TimeProvider time,
        ILoggerFactory loggers, IHttpClientFactory http, IServiceProvider services)
    {
        _services = services;
        _options = options.Value;
        _store = store;
        _dataSource = dataSource;
        _storeWrites = new PluginStoreWrites(dataSource);
        _states = new PluginStates(dataSource);
        _discovery = new PluginDiscovery(_options);
        _loader = new PluginLoader(_options);
        _settings = new PluginSettingsStore(vault);
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger("Extensible.Plugins");
        _http = http;
    }

    public event EventHandler<PluginChangedEventArgs>? Changed;

    public IReadOnlyList<GuardedCapability<IPlatformConnector>> Connectors => Running(l => l.Connectors);

    public IReadOnlyList<GuardedCapability<IContentRule>> ContentRules => Running(l => l.ContentRules);

    public IReadOnlyList<GuardedCapability<IModerationStep>> ModerationSteps => Running(l => l.ModerationSteps);

    public IReadOnlyList<GuardedCapability<IInfluencerSource>> InfluencerSources => Running(l => l.InfluencerSources);

    public IReadOnlyList<GuardedCapability<IListeningSource>> ListeningSources => Running(l => l.ListeningSources);

    /// <summary>How many plugin load contexts this node has created and not yet seen collected (for tests and diagnostics).</summary>
    internal static int LiveLoadContexts => PluginLoadContexts.Alive;

    /// <summary>How many load contexts of one plugin this process still holds.</summary>
    internal static int LiveLoadContextsOf(string pluginId) => PluginLoadContexts.AliveFor(pluginId);

    public IReadOnlyList<PluginSummary> List()
    {
        lock (_gate)
        {
            return [.. _entries.Values.Select(e => e.ToSummary()).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)];
        }
    }

    public PluginSummary? Find(string id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id ?? "", out var entry) ? entry.ToSummary() : null;
        }
    }

    public SettingsForm? DescribeSettings(string id)
    {
        lock (_gate)
        {
            var entry = Entry(id);
            if (entry.State != PluginState.Running || entry.Loaded is null)
            {
                throw new PluginOperationException(PluginProblem.Conflict, $"The plugin '{id}' is not running, so its settings cannot be shown: enable it first.");
            }

            return entry.Loaded.SettingsType is { } type ? PluginSettingsStore.Describe(id, type, entry.Settings) : null;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.InstalledPath);
        var start = await _store.GetLastSequenceAsync(cancellationToken);
        await ReconcileAllAsync(cancellationToken);
        _subscription = await EventSubscription.StartAsync(_store, FollowAsync, start, cancellationToken);
        if (_options.WatchFolder)
        {
            _watcher = new PluginFolderWatcher(_options.InstalledPath, _options.WatchDebounce, _time, PickUpAsync);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
            _subscription = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _changes.Dispose();
    }

    private PluginEntry Entry(string id) =>
        _entries.TryGetValue(id ?? "", out var entry) ? entry : throw new PluginOperationException(PluginProblem.NotFound, $"No plugin has the id '{id}'.");

    private List<GuardedCapability<T>> Running<T>(Func<LoadedPlugin, List<GuardedCapability<T>>> pick) where T : class
    {
        lock (_gate)
        {
            return [.. _entries.Values.Where(e => e.State == PluginState.Running && e.Loaded is not null).OrderBy(e => e.Id, StringComparer.Ordinal).SelectMany(e => pick(e.Loaded!))];
        }
    }

    private void Raise(string id, string what) => Changed?.Invoke(this, new PluginChangedEventArgs(id, what));
}
