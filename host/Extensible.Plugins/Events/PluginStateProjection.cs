using System.Text.Json;
using Extensible.EventStore;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Plugins.Events;

/// <summary>
/// Which plugins are switched off, their settings (secrets encrypted) and their last failure, kept inline so a change
/// is visible on every node the moment its append returns. A plugin without a row runs (bundled plugins run by default).
/// </summary>
internal sealed class PluginStateProjection : IProjection
{
    /// <summary>Declares the plugin state table and the plugins' key-value store table to Marten.</summary>
    public static void Declare(StoreOptions options)
    {
        var states = options.AddReadModelTable("plugin_states");
        states.AddColumn("id", "text").AsPrimaryKey();
        states.AddColumn("enabled", "boolean").NotNull().DefaultValueByExpression("true");
        states.AddColumn("settings", "jsonb");
        states.AddColumn("last_failure", "text");
        states.AddColumn("updated", "timestamptz").NotNull();

        var store = options.AddReadModelTable("plugin_store");
        store.AddColumn("plugin_id", "text").AsPrimaryKey();
        store.AddColumn("key", "text").AsPrimaryKey();
        store.AddColumn("value", "text").NotNull();
        store.AddColumn("updated", "timestamptz").NotNull().DefaultValueByExpression("now()");
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PluginEnabled p:
                    Upsert(operations, p.PluginId, e.Timestamp, "enabled = true", "enabled", true);
                    break;
                case PluginDisabled p:
                    Upsert(operations, p.PluginId, e.Timestamp, "enabled = false", "enabled", false);
                    break;
                case PluginInstalled or PluginUpgraded:
                    // A new or newer version starts without the old one's failure.
                    Upsert(operations, PluginEventTypes.PluginOf(e.Data)!, e.Timestamp, "last_failure = null", "last_failure", null);
                    break;
                case PluginFailed p:
                    Upsert(operations, p.PluginId, e.Timestamp, "last_failure = excluded.last_failure", "last_failure", p.Reason);
                    break;
                case PluginSettingsSaved p:
                    Upsert(operations, p.PluginId, e.Timestamp, "settings = excluded.settings", "settings",
                        JsonSerializer.Serialize(p.Values.ToDictionary(), PluginsJsonContext.Default.DictionaryStringString), "::jsonb");
                    break;
                case PluginUninstalled p:
                    operations.QueueSql("delete from plugin_states where id = $1", p.PluginId);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static void Upsert(IDocumentOperations operations, string id, DateTimeOffset at, string update, string column, object? value, string cast = "") =>
        operations.QueueSql(
            $"insert into plugin_states (id, {column}, updated) values ($1, $2{cast}, $3) on conflict (id) do update set {update}, updated = excluded.updated",
            id, value, at);
}
