namespace Extensible.People.Audit;

/// <summary>
/// The event types the audit trail can show, with the label its filter lists them by. Workspace events belong to one
/// workspace; server events (plugins) affect every workspace and are shown only to people who may operate the server.
/// </summary>
public static class AuditEventTypes
{
    /// <summary>The events of one workspace, in the order the filter lists them.</summary>
    public static IReadOnlyList<AuditEventType> Workspace { get; } =
    [
        new("workspace_created", "Workspace created"),
        new("workspace_renamed", "Workspace renamed"),
        new("member_invited", "Person invited"),
        new("invitation_accepted", "Invitation accepted"),
        new("invitation_revoked", "Invitation withdrawn"),
        new("member_added", "Person added"),
        new("member_role_changed", "Role changed"),
        new("member_removed", "Person removed"),
        new("api_token_created", "API token created"),
        new("api_token_revoked", "API token revoked"),
        new("password_reset_link_created", "Password reset link made"),
        new("member_two_factor_reset", "Two-factor sign-in reset"),
        new("member_signed_out_everywhere", "Signed out everywhere"),
        // The inbox's moderation (named by alias: the people module does not reference the inbox).
        new("inbox_thread_status_changed", "Inbox thread status set"),
        new("inbox_thread_assigned", "Inbox thread assigned"),
        new("inbox_thread_labelled", "Inbox thread labelled"),
        new("inbox_thread_prioritized", "Inbox thread priority set"),
        new("inbox_thread_escalated", "Inbox thread escalated"),
        new("inbox_reply_sent", "Inbox reply sent"),
        new("inbox_reply_failed", "Inbox reply refused by the network"),
        new("inbox_reply_deleted", "Inbox reply deleted"),
        new("inbox_item_hidden", "Inbox item hidden or unhidden"),
        new("inbox_item_deleted", "Inbox item deleted"),
        new("inbox_delivery_failed", "Webhook delivery kept unread"),
        new("inbox_item_liked", "Inbox item liked"),
        new("inbox_item_unliked", "Inbox item unliked"),
        new("inbox_delivery_replayed", "Kept delivery replayed"),
        new("inbox_delivery_replay_failed", "Kept delivery replayed in vain"),
        new("inbox_delivery_dismissed", "Kept delivery dismissed"),
        new("inbox_item_sentiment_set", "Inbox item sentiment set"),
        new("inbox_saved_reply_created", "Saved reply created"),
        new("inbox_saved_reply_edited", "Saved reply edited"),
        new("inbox_saved_reply_deleted", "Saved reply deleted"),
        new("inbox_business_hours_changed", "Business hours changed"),
    ];

    /// <summary>
    /// The server's events: the plugin runtime's administration (stream <c>plugin:{id}</c>) and the operators' changes, default tenant. Named here by alias, as
    /// stored, because the people module does not reference the plugin runtime; the aliases are a stored format and never change.
    /// </summary>
    public static IReadOnlyList<AuditEventType> Server { get; } =
    [
        new("plugin_installed", "Plugin installed"),
        new("plugin_upgraded", "Plugin upgraded"),
        new("plugin_enabled", "Plugin enabled"),
        new("plugin_disabled", "Plugin disabled"),
        new("plugin_uninstalled", "Plugin uninstalled"),
        new("plugin_settings_saved", "Plugin settings changed"),
        new("plugin_failed", "Plugin failed"),
        new("server_operator_named", "Server operator named"),
        new("server_operator_removed", "Server operator removed"),
    ];

    /// <summary>The tenant server events are stored under.</summary>
    internal const string ServerTenant = "default";

    /// <summary>The prefix of the plugins' administration streams.</summary>
    internal const string PluginStreamPrefix = "plugin:";

    /// <summary>The stream of the server operators' changes.</summary>
    internal const string OperatorsStream = Extensible.People.Server.ServerOperators.Stream;

    /// <summary>The types a viewer may filter by: the workspace's, and the server's for those who may operate it.</summary>
    public static IReadOnlyList<AuditEventType> Visible(bool serverWide) => serverWide ? [.. Workspace, .. Server] : Workspace;

    /// <summary>The label of an alias, or the alias itself for a type the trail has no label for.</summary>
    public static string Label(string alias) =>
        Workspace.Concat(Server).FirstOrDefault(t => t.Alias == alias)?.Label ?? alias;
}

/// <summary>An event type the audit trail shows.</summary>
/// <param name="Alias">The stored alias, e.g. <c>member_invited</c>: what the API's <c>type</c> filter takes.</param>
/// <param name="Label">What the console's filter calls it.</param>
public sealed record AuditEventType(string Alias, string Label);
