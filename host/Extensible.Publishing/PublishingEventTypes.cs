using Extensible.EventStore;

namespace Extensible.Publishing;

/// <summary>The publishing feature's event aliases: stable names in the event log, whatever the types are called.</summary>
internal static class PublishingEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register("account_connected", PublishingJsonContext.Default.AccountConnected)
        .Register("account_reconnected", PublishingJsonContext.Default.AccountReconnected)
        .Register("account_credentials_refreshed", PublishingJsonContext.Default.AccountCredentialsRefreshed)
        .Register("account_needs_reconnect", PublishingJsonContext.Default.AccountNeedsReconnect)
        .Register("account_pause_changed", PublishingJsonContext.Default.AccountPauseChanged)
        .Register("account_disconnected", PublishingJsonContext.Default.AccountDisconnected)
        .Register("post_drafted", PublishingJsonContext.Default.PostDrafted)
        .Register("post_edited", PublishingJsonContext.Default.PostEdited)
        .Register("post_scheduled", PublishingJsonContext.Default.PostScheduled)
        .Register("post_rescheduled", PublishingJsonContext.Default.PostRescheduled)
        .Register("post_unscheduled", PublishingJsonContext.Default.PostUnscheduled)
        .Register("post_discarded", PublishingJsonContext.Default.PostDiscarded)
        .Register("target_publish_started", PublishingJsonContext.Default.TargetPublishStarted)
        .Register("target_published", PublishingJsonContext.Default.TargetPublished)
        .Register("target_failed", PublishingJsonContext.Default.TargetFailed)
        .Register("target_retried", PublishingJsonContext.Default.TargetRetried)
        .Register("target_needs_decision", PublishingJsonContext.Default.TargetNeedsDecision)
        .Register("target_marked_sent", PublishingJsonContext.Default.TargetMarkedSent)
        .Register("target_dropped", PublishingJsonContext.Default.TargetDropped)
        .Register("target_deleted", PublishingJsonContext.Default.TargetDeleted)
        .Register("media_uploaded", PublishingJsonContext.Default.MediaUploaded)
        .Register("media_alt_text_changed", PublishingJsonContext.Default.MediaAltTextChanged)
        .Register("media_deleted", PublishingJsonContext.Default.MediaDeleted)
        .Register("workspace_time_zone_changed", PublishingJsonContext.Default.WorkspaceTimeZoneChanged)
        .Register("network_app_credentials_changed", PublishingJsonContext.Default.NetworkAppCredentialsChanged)
        .Register("person_time_zone_changed", PublishingJsonContext.Default.PersonTimeZoneChanged);
}
