using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;
using Extensible.Sdk.Testing.Http;
using Extensible.Sdk.Testing.Logging;
using Extensible.Sdk.Testing.Settings;
using Extensible.Sdk.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Sdk.Testing;

/// <summary>
/// Runs a plugin's capabilities without the host. <see cref="Create{TPlugin}"/> calls the plugin's
/// <see cref="IPlugin.Register"/> and builds each registered capability with a context made of test doubles: a clock that
/// moves only when told (<see cref="Clock"/>), a scripted HTTP handler (<see cref="Http"/>), an in-memory store
/// (<see cref="Store"/>), recorded events (<see cref="Events"/>) and logs (<see cref="Logs"/>), and settings validated
/// as the host validates them.
/// </summary>
public sealed class PluginHarness : IDisposable
{
    private readonly List<(AccountCredentials Previous, AccountCredentials Renewed)> renewedCredentials = [];
    /// <summary>The plugin id the harness uses when none is given.</summary>
    public const string DefaultPluginId = "test.plugin";

    /// <summary>Where the fake clock starts: 2026-01-01 09:00 UTC, a Thursday.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly HarnessPluginBuilder registrations;
    private readonly Lazy<IReadOnlyList<IPlatformConnector>> connectors;
    private readonly Lazy<IReadOnlyList<IContentRule>> contentRules;
    private readonly Lazy<IReadOnlyList<IModerationStep>> moderationSteps;
    private readonly Lazy<IReadOnlyList<IInfluencerSource>> influencerSources;
    private readonly Lazy<IReadOnlyList<IListeningSource>> listeningSources;

    private PluginHarness(IPlugin plugin, string pluginId)
    {
        Plugin = plugin;
        PluginId = pluginId;
        Clock = new FakeTimeProvider(DefaultStart);
        ContextTime = Clock;
        Http = new ScriptedHttpHandler();
        HttpClient = new HttpClient(Http, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        Events = new RecordedPluginEvents(Clock);
        Context = new HarnessContext(this);
        registrations = new HarnessPluginBuilder(pluginId);
        connectors = new(() => Build(registrations.Connectors, c => c.Profile.Key, "connector"));
        contentRules = new(() => Build(registrations.ContentRules, r => r.Info.Key, "content rule"));
        moderationSteps = new(() => Build(registrations.ModerationSteps, s => s.Info.Key, "moderation step"));
        influencerSources = new(() => Build(registrations.InfluencerSources, s => s.Info.Key, "influencer source"));
        listeningSources = new(() => Build(registrations.ListeningSources, s => s.Info.Key, "listening source"));
    }

    /// <summary>The plugin under test.</summary>
    public IPlugin Plugin { get; }

    /// <summary>The plugin's id as the context reports it.</summary>
    public string PluginId { get; }

    /// <summary>
    /// The clock: it starts at <see cref="DefaultStart"/> and moves only with <see cref="FakeTimeProvider.Advance"/> or
    /// <see cref="FakeTimeProvider.SetUtcNow"/>, firing due timers. It is the context's <see cref="IPluginContext.Time"/>
    /// unless <see cref="UseClock"/> chose another.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The scripted HTTP handler behind <see cref="IPluginContext.Http"/>: script answers, then inspect <see cref="ScriptedHttpHandler.Requests"/>.</summary>
    public ScriptedHttpHandler Http { get; }

    /// <summary>The plugin's key-value store, in memory.</summary>
    public InMemoryPluginStore Store { get; } = new();

    /// <summary>The events the plugin recorded.</summary>
    public RecordedPluginEvents Events { get; }

    /// <summary>What the plugin logged.</summary>
    public RecordingLogger Logs { get; } = new();

    /// <summary>
    /// The credentials connectors renewed in the middle of a call and handed to the host
    /// (<see cref="IPluginContext.KeepRenewedCredentialsAsync"/>), oldest first; the harness answers that it kept them.
    /// </summary>
    public IReadOnlyList<(AccountCredentials Previous, AccountCredentials Renewed)> RenewedCredentials
    {
        get
        {
            lock (renewedCredentials)
            {
                return [.. renewedCredentials];
            }
        }
    }

    /// <summary>The context capabilities are built with; hand it to a capability you create yourself.</summary>
    public IPluginContext Context { get; }

    /// <summary>The settings class the plugin declared, or <see langword="null"/> when it declared none.</summary>
    public Type? SettingsType => registrations.SettingsType;

    /// <summary>The current settings (an instance of <see cref="SettingsType"/>), or <see langword="null"/> for the defaults.</summary>
    public object? Settings { get; private set; }

    /// <summary>The registered connectors, built on first use.</summary>
    public IReadOnlyList<IPlatformConnector> Connectors => connectors.Value;

    /// <summary>The registered content rules, built on first use.</summary>
    public IReadOnlyList<IContentRule> ContentRules => contentRules.Value;

    /// <summary>The registered moderation steps, built on first use.</summary>
    public IReadOnlyList<IModerationStep> ModerationSteps => moderationSteps.Value;

    /// <summary>The registered influencer sources, built on first use.</summary>
    public IReadOnlyList<IInfluencerSource> InfluencerSources => influencerSources.Value;

    /// <summary>The registered listening sources, built on first use.</summary>
    public IReadOnlyList<IListeningSource> ListeningSources => listeningSources.Value;

    internal HttpClient HttpClient { get; }

    /// <summary>The clock the context hands capabilities: <see cref="Clock"/> unless <see cref="UseClock"/> chose another.</summary>
    internal TimeProvider ContextTime { get; private set; }

    /// <summary>Creates <typeparamref name="TPlugin"/>, registers it and applies <paramref name="settings"/>.</summary>
    /// <typeparam name="TPlugin">The plugin's entry class.</typeparam>
    /// <param name="settings">An instance of the plugin's settings class, or <see langword="null"/> for its defaults.</param>
    /// <param name="pluginId">The plugin's id (<see cref="DefaultPluginId"/> when omitted).</param>
    /// <returns>The harness; dispose it at the end of the test.</returns>
    /// <exception cref="PluginSettingsException">The settings fail their validation attributes, as the host would refuse them.</exception>
    /// <exception cref="InvalidOperationException">The settings are not of the declared class, or registration broke a rule of the host.</exception>
    public static PluginHarness Create<TPlugin>(object? settings = null, string? pluginId = null)
        where TPlugin : IPlugin, new() => Create(new TPlugin(), settings, pluginId);

    /// <summary>Registers <paramref name="plugin"/> and applies <paramref name="settings"/>.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="settings">An instance of the plugin's settings class, or <see langword="null"/> for its defaults.</param>
    /// <param name="pluginId">The plugin's id (<see cref="DefaultPluginId"/> when omitted).</param>
    /// <returns>The harness; dispose it at the end of the test.</returns>
    public static PluginHarness Create(IPlugin plugin, object? settings = null, string? pluginId = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var id = pluginId ?? DefaultPluginId;
        if (ManifestRules.Id(id) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pluginId));
        }

        var harness = new PluginHarness(plugin, id);
        try
        {
            plugin.Register(harness.registrations);
            if (settings is not null)
            {
                harness.ChangeSettings(settings);
            }

            return harness;
        }
        catch
        {
            harness.Dispose();
            throw;
        }
    }

    /// <summary>Changes the settings, as an operator does in the console while the plugin runs; capabilities see them at their next read.</summary>
    /// <param name="settings">An instance of the declared settings class.</param>
    /// <exception cref="PluginSettingsException">The settings fail their validation attributes; nothing changes.</exception>
    /// <exception cref="InvalidOperationException">The plugin declared no settings, or another class.</exception>
    public void ChangeSettings(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (SettingsType is null)
        {
            throw new InvalidOperationException("The plugin declared no settings (it did not call UseSettings in Register).");
        }

        if (settings.GetType() != SettingsType)
        {
            throw new InvalidOperationException($"The plugin's settings are {SettingsType.Name}, not {settings.GetType().Name}.");
        }

        PluginSettings.EnsureValid(settings);
        Settings = settings;
    }

    /// <summary>
    /// Gives capabilities <paramref name="time"/> as their clock (<see cref="IPluginContext.Time"/>) instead of
    /// <see cref="Clock"/>: <see cref="TimeProvider.System"/> for a plugin that talks to a server running on this machine
    /// (<see cref="ScriptedHttpHandler.ForwardUnscriptedTo"/>) and must wait for it as in production, or a clock that server
    /// shares. <see cref="Clock"/> still stamps <see cref="Events"/>. Choose it before the capabilities are built.
    /// </summary>
    /// <param name="time">The clock capabilities see.</param>
    /// <returns>This harness, to chain calls.</returns>
    /// <exception cref="InvalidOperationException">A capability was already built with the previous clock.</exception>
    public PluginHarness UseClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (connectors.IsValueCreated || contentRules.IsValueCreated || moderationSteps.IsValueCreated
            || influencerSources.IsValueCreated || listeningSources.IsValueCreated)
        {
            throw new InvalidOperationException("The plugin's capabilities were already built with the harness's clock; call UseClock before using them.");
        }

        ContextTime = time;
        return this;
    }

    /// <summary>The content rule with key <paramref name="key"/>.</summary>
    /// <param name="key">The rule's <see cref="CapabilityInfo.Key"/>.</param>
    /// <returns>The rule.</returns>
    public IContentRule ContentRule(string key) => Single(ContentRules, r => r.Info.Key, key, "content rule");

    /// <summary>The moderation step with key <paramref name="key"/>.</summary>
    /// <param name="key">The step's <see cref="CapabilityInfo.Key"/>.</param>
    /// <returns>The step.</returns>
    public IModerationStep ModerationStep(string key) => Single(ModerationSteps, s => s.Info.Key, key, "moderation step");

    /// <summary>The influencer source with key <paramref name="key"/>.</summary>
    /// <param name="key">The source's <see cref="CapabilityInfo.Key"/>.</param>
    /// <returns>The source.</returns>
    public IInfluencerSource InfluencerSource(string key) => Single(InfluencerSources, s => s.Info.Key, key, "influencer source");

    /// <summary>The listening source with key <paramref name="key"/>.</summary>
    /// <param name="key">The source's <see cref="CapabilityInfo.Key"/>.</param>
    /// <returns>The source.</returns>
    public IListeningSource ListeningSource(string key) => Single(ListeningSources, s => s.Info.Key, key, "listening source");

    /// <summary>The connector for the network with key <paramref name="platformKey"/>.</summary>
    /// <param name="platformKey">The network's <see cref="PlatformProfile.Key"/>.</param>
    /// <returns>The connector.</returns>
    public IPlatformConnector Connector(string platformKey) => Single(Connectors, c => c.Profile.Key, platformKey, "connector");

    /// <inheritdoc />
    public void Dispose()
    {
        HttpClient.Dispose();
        Http.Dispose();
    }

    private static T Single<T>(IReadOnlyList<T> capabilities, Func<T, string> keyOf, string key, string kind) =>
        capabilities.FirstOrDefault(c => keyOf(c) == key)
        ?? throw new InvalidOperationException(capabilities.Count == 0
            ? $"The plugin registered no {kind}."
            : $"The plugin registered no {kind} '{key}'; it has: {string.Join(", ", capabilities.Select(keyOf))}.");

    private List<T> Build<T>(List<Func<IPluginContext, T>> factories, Func<T, string> keyOf, string kind)
    {
        var built = new List<T>();
        foreach (var create in factories)
        {
            var capability = create(Context) ?? throw new InvalidOperationException($"A {kind} factory of the plugin returned null.");
            if (CapabilityRules.Key(kind, keyOf(capability), built.Select(keyOf)) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            built.Add(capability);
        }

        return built;
    }

    internal void KeepRenewed(AccountCredentials previous, AccountCredentials renewed)
    {
        lock (renewedCredentials)
        {
            renewedCredentials.Add((previous, renewed));
        }
    }
}
