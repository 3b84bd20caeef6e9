using System.Text.Json;
using Extensible.EventStore;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Publishing.ReadModel;

/// <summary>
/// The publishing read model, kept inline: a scheduled post, a claimed target or a failure is visible to every node the
/// moment its append returns, and the publisher's claims read the same rows.
/// </summary>
internal sealed class PublishingProjection : IProjection
{
    // Targets a person may still change: nothing has been sent for them.
    private const string Unsent = "('draft', 'scheduled')";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // A post's version counts its stream's events, and an account's last publish is its latest: both are summed up
        // once per post and per account for the whole append (the publisher appends hundreds of outcomes at once).
        var posts = new Dictionary<Guid, (int Events, DateTimeOffset Latest)>();
        var publishedBy = new Dictionary<Guid, DateTimeOffset>();
        foreach (var e in events)
        {
            foreach (var (sql, values) in Commands(e))
            {
                operations.QueueSql(sql, values);
            }

            if (TargetPostOf(e.Data) is { } postId)
            {
                posts[postId] = posts.TryGetValue(postId, out var seen) ? (seen.Events + 1, Latest(seen.Latest, e.Timestamp)) : (1, e.Timestamp);
            }

            if (e.Data is TargetPublished published)
            {
                publishedBy[published.AccountId] = publishedBy.TryGetValue(published.AccountId, out var at) ? Latest(at, e.Timestamp) : e.Timestamp;
            }
        }

        foreach (var (postId, (count, latest)) in posts)
        {
            operations.QueueSql("update publishing_posts set updated = greatest(updated, $2), version = version + $3 where id = $1", postId, latest, count);
        }

        foreach (var (accountId, at) in publishedBy)
        {
            operations.QueueSql("update publishing_accounts set last_published_at = greatest(last_published_at, $2) where id = $1", accountId, at);
        }

        return Task.CompletedTask;
    }

    // The post whose target an event changes: every such event also counts in the post's version.
    private static Guid? TargetPostOf(object data) => data switch
    {
        TargetPublishStarted s => s.PostId,
        TargetPublished p => p.PostId,
        TargetFailed f => f.PostId,
        TargetRetried r => r.PostId,
        TargetNeedsDecision n => n.PostId,
        TargetMarkedSent m => m.PostId,
        TargetDropped d => d.PostId,
        TargetDeleted d => d.PostId,
        _ => null,
    };

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static (string Sql, object?[] Values)[] Commands(IEvent e) => e.Data switch
    {
        AccountConnected a => Sql(
            "insert into publishing_accounts (id, workspace_id, plugin_id, platform_key, platform_account_id, handle, display_name, profile_url, avatar_url, protected_credentials, expires_at, health, connected_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'connected', $12)",
            a.AccountId, a.WorkspaceId, a.PluginId, a.PlatformKey, a.PlatformAccountId, a.Handle, a.DisplayName, a.ProfileUrl, a.AvatarUrl, a.ProtectedCredentials, a.ExpiresAt, e.Timestamp),
        AccountReconnected r => Sql(
            "update publishing_accounts set handle = $2, display_name = $3, profile_url = $4, avatar_url = $5, protected_credentials = $6, expires_at = $7, health = 'connected', health_reason = null where id = $1",
            r.AccountId, r.Handle, r.DisplayName, r.ProfileUrl, r.AvatarUrl, r.ProtectedCredentials, r.ExpiresAt),
        AccountCredentialsRefreshed r => Sql("update publishing_accounts set protected_credentials = $2, expires_at = $3 where id = $1", r.AccountId, r.ProtectedCredentials, r.ExpiresAt),
        AccountNeedsReconnect n => Sql("update publishing_accounts set health = 'needs_reconnect', health_reason = $2 where id = $1 and health <> 'disconnected'", n.AccountId, n.Reason),
        AccountPauseChanged p => Sql("update publishing_accounts set paused = $2 where id = $1", p.AccountId, p.Paused),
        AccountDisconnected d => Sql("update publishing_accounts set health = 'disconnected', protected_credentials = null, expires_at = null where id = $1", d.AccountId),

        PostDrafted d =>
        [
            One("insert into publishing_posts (id, workspace_id, state, content, created_by, created, updated, version) values ($1, $2, 'draft', $3::jsonb, $4, $5, $5, 1)",
                d.PostId, d.WorkspaceId, Json(d.Content), d.By, e.Timestamp),
            .. d.Targets.Select(t => One(
                "insert into publishing_targets (post_id, account_id, workspace_id, variant, status, updated) values ($1, $2, $3, $4::jsonb, 'draft', $5)",
                d.PostId, t.AccountId, d.WorkspaceId, Json(t.Variant), e.Timestamp)),
        ],
        PostEdited d =>
        [
            One("update publishing_posts set content = $2::jsonb, updated = $3, version = version + 1 where id = $1", d.PostId, Json(d.Content), e.Timestamp),
            One($"delete from publishing_targets where post_id = $1 and status in {Unsent} and not (account_id = any($2))", d.PostId, d.Targets.Select(t => t.AccountId).ToArray()),
            .. d.Targets.Select(t => One(
                "insert into publishing_targets (post_id, account_id, workspace_id, variant, status, due_at, updated) "
                + "select $1, $2, $3, $4::jsonb, case when p.due_at is null then 'draft' else 'scheduled' end, p.due_at, $5 from publishing_posts p where p.id = $1 "
                + $"on conflict (post_id, account_id) do update set variant = excluded.variant, updated = excluded.updated where publishing_targets.status in {Unsent}",
                d.PostId, t.AccountId, d.WorkspaceId, Json(t.Variant), e.Timestamp)),
        ],
        PostScheduled s => Schedule(s.PostId, s.DueAt, s.TimeZone, s.LocalTime, e),
        PostRescheduled s => Schedule(s.PostId, s.DueAt, s.TimeZone, s.LocalTime, e),
        PostUnscheduled u =>
        [
            One("update publishing_posts set state = 'draft', due_at = null, time_zone = null, local_time = null, updated = $2, version = version + 1 where id = $1", u.PostId, e.Timestamp),
            One("update publishing_targets set status = 'draft', due_at = null, updated = $2 where post_id = $1 and status = 'scheduled'", u.PostId, e.Timestamp),
        ],
        PostDiscarded d =>
        [
            One("update publishing_posts set state = 'discarded', updated = $2, version = version + 1 where id = $1", d.PostId, e.Timestamp),
            One($"update publishing_targets set status = 'dropped', due_at = null, updated = $2 where post_id = $1 and status in {Unsent}", d.PostId, e.Timestamp),
        ],

        TargetPublishStarted s => Target(e, s.PostId, s.AccountId,
            "status = 'publishing', attempt = $3, idempotency_key = $4, started_at = $5, started_node = $6, due_at = null", s.Attempt, s.IdempotencyKey, e.Timestamp, s.Node),
        TargetPublished p => Target(e, p.PostId, p.AccountId,
            "status = 'published', platform_post_id = $3, url = $4, published_at = $5, failure = null, message = null, platform_message = null, due_at = null",
            p.PlatformPostId, p.Url, e.Timestamp),
        TargetFailed f =>
        [
            .. Target(e, f.PostId, f.AccountId,
                "status = case when $3::timestamptz is null then 'failed' else 'retrying' end, due_at = $3, failure = $4, message = $5, platform_message = $6",
                f.RetryAt, f.Failure.ToString(), f.Message, f.PlatformMessage),
            One("update publishing_accounts set last_error = $2, last_error_at = $3 where id = $1", f.AccountId, f.Message, e.Timestamp),
        ],
        TargetRetried r => Target(e, r.PostId, r.AccountId, "status = 'scheduled', due_at = $3", e.Timestamp),
        TargetNeedsDecision n => Target(e, n.PostId, n.AccountId, "status = 'needs_decision', due_at = null, message = $3", n.Reason),
        TargetMarkedSent m => Target(e, m.PostId, m.AccountId, "status = 'published', url = coalesce($3, url), published_at = $4, due_at = null", m.Url, e.Timestamp),
        TargetDropped d => Target(e, d.PostId, d.AccountId, "status = 'dropped', due_at = null"),
        TargetDeleted d => Target(e, d.PostId, d.AccountId, "status = 'deleted', due_at = null"),

        MediaUploaded m => Sql(
            "insert into publishing_media (id, workspace_id, file_name, content_type, length, sha256, width, height, duration_ms, created_by, created, thumbnail_sha256) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            m.MediaId, m.WorkspaceId, m.FileName, m.ContentType, m.Length, m.Sha256, m.Width, m.Height, (long?)m.Duration?.TotalMilliseconds, m.By, e.Timestamp, m.ThumbnailSha256),
        MediaAltTextChanged a => Sql("update publishing_media set alt_text = $2 where id = $1", a.MediaId, a.AltText),
        MediaDeleted d => Sql("update publishing_media set deleted = true where id = $1", d.MediaId),

        WorkspaceTimeZoneChanged z => Sql(
            "insert into publishing_settings (workspace_id, time_zone) values ($1, $2) on conflict (workspace_id) do update set time_zone = excluded.time_zone",
            z.WorkspaceId, z.TimeZone),
        NetworkAppCredentialsChanged { ProtectedCredentials: null } c => Sql(
            "delete from publishing_network_apps where workspace_id = $1 and platform_key = $2", c.WorkspaceId, c.PlatformKey),
        NetworkAppCredentialsChanged c => Sql(
            "insert into publishing_network_apps (workspace_id, platform_key, protected_credentials) values ($1, $2, $3) on conflict (workspace_id, platform_key) do update set protected_credentials = excluded.protected_credentials",
            c.WorkspaceId, c.PlatformKey, c.ProtectedCredentials),
        PersonTimeZoneChanged { TimeZone: null } z => Sql("delete from publishing_person_zones where workspace_id = $1 and user_id = $2", z.WorkspaceId, z.UserId),
        PersonTimeZoneChanged z => Sql(
            "insert into publishing_person_zones (workspace_id, user_id, time_zone) values ($1, $2, $3) on conflict (workspace_id, user_id) do update set time_zone = excluded.time_zone",
            z.WorkspaceId, z.UserId, z.TimeZone),
        _ => [],
    };

    private static (string, object?[])[] Schedule(Guid postId, DateTimeOffset dueAt, string timeZone, string localTime, IEvent e) =>
    [
        One("update publishing_posts set state = 'scheduled', due_at = $2, time_zone = $3, local_time = $4, updated = $5, version = version + 1 where id = $1",
            postId, dueAt, timeZone, localTime, e.Timestamp),
        One($"update publishing_targets set status = 'scheduled', due_at = $2, updated = $3 where post_id = $1 and status in {Unsent}", postId, dueAt, e.Timestamp),
    ];

    // Placeholders $1 and $2 are the target's key, $3… the values; ApplyAsync also counts the change in the post's version.
    // Every event of a post's stream passes through ApplyAsync once, so counting them gives the stream's version (Marten's
    // quick appends at any version, as the publisher's are, give inline projections versions relative to the append).
    private static (string, object?[])[] Target(IEvent e, Guid postId, Guid accountId, string set, params object?[] values) =>
        Sql($"update publishing_targets set {set}, updated = ${values.Length + 3} where post_id = $1 and account_id = $2",
            [postId, accountId, .. values, e.Timestamp]);

    private static string? Json(PostContentDraft? content) =>
        content is null ? null : JsonSerializer.Serialize(content, PublishingJsonContext.Default.PostContentDraft);

    private static (string, object?[])[] Sql(string text, params object?[] values) => [One(text, values)];

    private static (string, object?[]) One(string text, params object?[] values) => (text, values);
}
