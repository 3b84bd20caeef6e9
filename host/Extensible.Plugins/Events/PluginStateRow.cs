namespace Extensible.Plugins.Events;

/// <summary>One row of the plugins' read model.</summary>
/// <param name="Enabled">Switched on (the default).</param>
/// <param name="Settings">Saved settings by property name, secrets encrypted; empty when none were saved.</param>
/// <param name="LastFailure">The last recorded failure.</param>
internal sealed record PluginStateRow(bool Enabled, IReadOnlyDictionary<string, string?> Settings, string? LastFailure)
{
    public static PluginStateRow Default { get; } = new(true, new Dictionary<string, string?>(), null);
}
