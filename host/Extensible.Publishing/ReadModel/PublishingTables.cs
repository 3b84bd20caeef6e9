using Extensible.EventStore;
using Marten;

namespace Extensible.Publishing.ReadModel;

/// <summary>
/// The publishing read model's tables, declared to Marten (Weasel creates and updates them in the store's schema). Kept
/// inline by <see cref="PublishingProjection"/>: what the console, the calendar, the API and the publisher read.
/// </summary>
internal static class PublishingTables
{
    public static void Declare(StoreOptions options)
    {
        var accounts = options.AddReadModelTable("publishing_accounts")
            .WithIndex("publishing_accounts_workspace", ["workspace_id", "platform_key", "handle"]);
        accounts.AddColumn<Guid>("id").AsPrimaryKey();
        accounts.AddColumn<Guid>("workspace_id").NotNull();
        accounts.AddColumn("plugin_id", "text").NotNull();
        accounts.AddColumn("platform_key", "text").NotNull();
        accounts.AddColumn("platform_account_id", "text").NotNull();
        accounts.AddColumn("handle", "text").NotNull();
        accounts.AddColumn("display_name", "text").NotNull();
        accounts.AddColumn("profile_url", "text");
        accounts.AddColumn("avatar_url", "text");
        // Encrypted with data protection; null once disconnected.
        accounts.AddColumn("protected_credentials", "text");
        accounts.AddColumn("expires_at", "timestamptz");
        // connected | needs_reconnect | disconnected
        accounts.AddColumn("health", "text").NotNull();
        accounts.AddColumn("health_reason", "text");
        accounts.AddColumn("paused", "boolean").NotNull().DefaultValueByExpression("false");
        accounts.AddColumn("connected_at", "timestamptz").NotNull();
        accounts.AddColumn("last_published_at", "timestamptz");
        accounts.AddColumn("last_error", "text");
        accounts.AddColumn("last_error_at", "timestamptz");

        var posts = options.AddReadModelTable("publishing_posts")
            .WithIndex("publishing_posts_workspace_due", ["workspace_id", "due_at"])
            .WithIndex("publishing_posts_workspace_updated", ["workspace_id", "updated"]);
        posts.AddColumn<Guid>("id").AsPrimaryKey();
        posts.AddColumn<Guid>("workspace_id").NotNull();
        // draft | scheduled | discarded
        posts.AddColumn("state", "text").NotNull();
        posts.AddColumn("content", "jsonb").NotNull();
        posts.AddColumn("due_at", "timestamptz");
        posts.AddColumn("time_zone", "text");
        posts.AddColumn("local_time", "text");
        posts.AddColumn<Guid>("created_by").NotNull();
        posts.AddColumn("created", "timestamptz").NotNull();
        posts.AddColumn("updated", "timestamptz").NotNull();
        posts.AddColumn("version", "bigint").NotNull();

        var targets = options.AddReadModelTable("publishing_targets")
            // The publisher's claims: what waits, per workspace in due order, never scanning what went out long ago.
            .WithIndex("publishing_targets_due", ["workspace_id", "due_at", "post_id"], predicate: "status in ('scheduled', 'retrying')")
            .WithIndex("publishing_targets_in_flight", ["workspace_id", "started_at"], predicate: "status = 'publishing'")
            .WithIndex("publishing_targets_account", ["account_id", "status"])
            .WithIndex("publishing_targets_workspace_due", ["workspace_id", "due_at"])
            // Which of our posts a comment is on (the inbox links each thread to it as the comment arrives).
            .WithIndex("publishing_targets_platform_post", ["account_id", "platform_post_id"], predicate: "platform_post_id is not null");
        targets.AddColumn<Guid>("post_id").AsPrimaryKey();
        targets.AddColumn<Guid>("account_id").AsPrimaryKey();
        targets.AddColumn<Guid>("workspace_id").NotNull();
        targets.AddColumn("variant", "jsonb");
        // draft | scheduled | publishing | published | retrying | failed | needs_decision | dropped | deleted
        targets.AddColumn("status", "text").NotNull();
        // When the publisher should act: the post's due instant, or the next attempt after a retryable failure.
        targets.AddColumn("due_at", "timestamptz");
        targets.AddColumn("attempt", "integer").NotNull().DefaultValue(0);
        targets.AddColumn("idempotency_key", "text");
        targets.AddColumn("started_at", "timestamptz");
        targets.AddColumn("started_node", "text");
        targets.AddColumn("platform_post_id", "text");
        targets.AddColumn("url", "text");
        targets.AddColumn("failure", "text");
        targets.AddColumn("message", "text");
        targets.AddColumn("platform_message", "text");
        targets.AddColumn("published_at", "timestamptz");
        targets.AddColumn("updated", "timestamptz").NotNull();

        var media = options.AddReadModelTable("publishing_media")
            .WithIndex("publishing_media_workspace", ["workspace_id", "created"])
            .WithIndex("publishing_media_checksum", ["workspace_id", "sha256"]);
        media.AddColumn<Guid>("id").AsPrimaryKey();
        media.AddColumn<Guid>("workspace_id").NotNull();
        media.AddColumn("file_name", "text").NotNull();
        media.AddColumn("content_type", "text").NotNull();
        media.AddColumn("length", "bigint").NotNull();
        media.AddColumn("sha256", "text").NotNull();
        media.AddColumn("width", "integer");
        media.AddColumn("height", "integer");
        media.AddColumn("duration_ms", "bigint");
        media.AddColumn("alt_text", "text");
        media.AddColumn("deleted", "boolean").NotNull().DefaultValueByExpression("false");
        media.AddColumn<Guid>("created_by").NotNull();
        media.AddColumn("created", "timestamptz").NotNull();
        media.AddColumn("thumbnail_sha256", "text");

        // The media library's bytes (and thumbnails), content-addressed per workspace, in rows of at most 1 MiB.
        var blobs = options.AddReadModelTable("publishing_media_blobs");
        blobs.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        blobs.AddColumn("sha256", "text").AsPrimaryKey();
        blobs.AddColumn("chunk", "integer").AsPrimaryKey();
        blobs.AddColumn("data", "bytea").NotNull();

        var settings = options.AddReadModelTable("publishing_settings");
        settings.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        settings.AddColumn("time_zone", "text").NotNull();

        var apps = options.AddReadModelTable("publishing_network_apps");
        apps.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        apps.AddColumn("platform_key", "text").AsPrimaryKey();
        apps.AddColumn("protected_credentials", "text").NotNull();

        var personZones = options.AddReadModelTable("publishing_person_zones");
        personZones.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        personZones.AddColumn<Guid>("user_id").AsPrimaryKey();
        personZones.AddColumn("time_zone", "text").NotNull();

        // The publisher's heartbeats: a node's claims are reconciled only once it stopped beating for a lease.
        var nodes = options.AddReadModelTable("publishing_nodes");
        nodes.AddColumn("node", "text").AsPrimaryKey();
        nodes.AddColumn("seen", "timestamptz").NotNull();
    }
}
