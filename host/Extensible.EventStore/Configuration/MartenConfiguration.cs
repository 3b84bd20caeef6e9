using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Extensible.EventStore.Configuration;

/// <summary>The one place Marten is configured: every store option the product relies on, and why.</summary>
internal static class MartenConfiguration
{
    public static StoreOptions Build(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        options.Validate();
        var store = new StoreOptions();
        store.Connection(dataSource);
        store.DatabaseSchemaName = options.Schema;
        store.Events.DatabaseSchemaName = options.Schema;
        // The schema is brought up to date once at start-up (StoreSchema), under Marten's migration lock; never again on
        // a first use, which would cost the first request.
        store.AutoCreateSchemaObjects = AutoCreate.None;
        store.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.Default,
            json => json.DefaultIgnoreCondition = JsonIgnoreCondition.Never);

        // Streams are named (user-…, workspace-…, plugin:…) and belong to a tenant: a workspace, or "default".
        store.Events.StreamIdentity = StreamIdentity.AsString;
        store.Events.TenancyStyle = TenancyStyle.Conjoined;
        store.Events.AppendMode = EventAppendMode.Quick;
        store.Events.EnableUniqueIndexOnEventId = true;
        store.Events.MetadataConfig.EnableAll();
        store.Events.MetadataConfig.UserNameEnabled = true;
        // Notifying inside the append's transaction serializes concurrent appenders on PostgreSQL's notify lock;
        // followers are woken by a coalesced NOTIFY after the commit instead (EventNotifications).
        store.Events.UseListenNotifyForEventAppends = false;
        options.Events.MapInto(store);
        // Ours (StoreSchema): Marten leaves it alone when it compares its event table with the database.
        store.Events.IgnoreIndex(StoreSchema.TenantOrderIndexName);

        store.Projections.LeadershipPollingTime = (int)options.LeaderRetryInterval.TotalMilliseconds;
        store.Projections.FastPollingTime = options.PollInterval < TimeSpan.FromMilliseconds(250) ? options.PollInterval : TimeSpan.FromMilliseconds(250);
        return store;
    }
}
