using System.Globalization;
using System.Text.Json.Nodes;

namespace Extensible.People.Audit;

/// <summary>
/// The one place the audit trail's sentences are written: one per event type, in the product's words, with people's
/// names rather than ids ("Olive Owner changed Sam's role from Analyst to Editor"). The console and the API both show them.
/// </summary>
internal static class AuditNarrator
{
    public static string Narrate(string type, string? user, JsonObject? body, AuditNames names)
    {
        var who = names.Actor(user);
        // The public's and the networks' words can be long: a line of the trail shows their start.
        static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
        if (body is null)
        {
            return $"{who}: {AuditEventTypes.Label(type)}.";
        }

        string Text(string field) => AuditRedaction.Field(body, field)?.ToString() ?? "";
        Guid? Id(string field) => Guid.TryParse(Text(field), out var id) ? id : null;
        string Person(string field) => names.Person(Id(field));
        bool Self(string field) => names.IsSelf(user, Id(field));
        string List(string field) => AuditRedaction.Field(body, field) is JsonArray items ? string.Join(", ", items.Select(i => i?.ToString())) : Text(field);
        var plugin = names.Plugin(Text("PluginId") is { Length: > 0 } pluginId ? pluginId : null);

        return type switch
        {
            "workspace_created" => $"{who} created the workspace {Text("Name")}.",
            "workspace_renamed" => $"{who} renamed the workspace to {Text("Name")}.",
            "member_invited" => $"{who} invited {Text("Email")} as {Text("Role")}.",
            "invitation_accepted" => $"{Person("UserId")} accepted the invitation and joined the workspace.",
            "invitation_revoked" => $"{who} withdrew the invitation of {Invitation(names, Id("InvitationId"))}.",
            "member_added" when Self("UserId") => $"{who} joined as {Text("Role")}.",
            "member_added" => $"{who} added {Person("UserId")} as {Text("Role")}.",
            "member_role_changed" => $"{who} changed {Possessive(Person("UserId"))} role from {Text("From")} to {Text("To")}.",
            "member_removed" when Self("UserId") => $"{who} left the workspace.",
            "member_removed" => $"{who} removed {Person("UserId")} from the workspace.",
            "api_token_created" when Self("UserId") => $"{who} created the API token “{Text("Name")}” with the role {Text("Role")}.",
            "api_token_created" => $"{who} created the API token “{Text("Name")}” for {Person("UserId")} with the role {Text("Role")}.",
            "api_token_revoked" => $"{who} revoked the API token {Token(names, Id("TokenId"))}.",
            "password_reset_link_created" => $"{who} made a password reset link for {Person("UserId")}.",
            "password_reset_link_used" => $"{Person("UserId")} set a new password with a reset link.",
            "member_two_factor_reset" => $"{who} turned off two-factor sign-in for {Person("UserId")}.",
            "member_signed_out_everywhere" => $"{who} signed {Person("UserId")} out everywhere.",
            "setup_completed" => $"{Person("OwnerId")} set Extensible up.",
            "user_registered" => $"{Text("DisplayName")} ({Text("Email")}) got an account{(Text("IsOwner") == "true" ? " as the server's first owner" : "")}.",
            "login_succeeded" => $"{Person("UserId")} signed in.",
            "login_failed" => $"A sign-in as {Person("UserId")} failed ({Text("FailedCount")} in a row).",
            "user_locked_out" => $"{Possessive(Person("UserId"))} account was locked after too many failed sign-ins.",
            "session_revoked" when Self("UserId") => $"{Person("UserId")} signed out.",
            "session_revoked" => $"{who} ended a session of {Person("UserId")}.",
            "password_changed" => $"{Person("UserId")} changed their password.",
            "two_factor_enabled" => $"{Person("UserId")} turned on two-factor sign-in.",
            "two_factor_disabled" => $"{Person("UserId")} turned off two-factor sign-in.",
            "two_factor_code_used" => $"{Person("UserId")} signed in with a two-factor code.",
            "recovery_code_used" => $"{Person("UserId")} used recovery code {RecoveryNumber(Text("Number"))}.",
            "plugin_installed" => $"{who} installed the plugin {Text("Name")} {Text("Version")}{(Text("Source") == "folder" ? " (dropped into the plugins folder)" : "")}.",
            "plugin_upgraded" => $"{who} upgraded the plugin {plugin} from {Text("FromVersion")} to {Text("ToVersion")}.",
            "plugin_enabled" => $"{who} enabled the plugin {plugin}.",
            "plugin_disabled" => $"{who} disabled the plugin {plugin}.",
            "plugin_uninstalled" => $"{who} uninstalled the plugin {plugin} {Text("Version")}.",
            "plugin_settings_saved" => $"{who} changed the settings of the plugin {plugin}{Fields(body)}.",
"server_operator_named" => $"{who} made {Person("UserId")} a server operator.",
            "server_operator_removed" => $"{who} removed {Person("UserId")} as a server operator.",
            "inbox_thread_status_changed" => $"{who} set an inbox thread to {Text("Status")}.",
            "inbox_thread_assigned" when Id("AssigneeId") is null => $"{who} unassigned an inbox thread.",
            "inbox_thread_assigned" => $"{who} assigned an inbox thread to {Person("AssigneeId")}.",
            "inbox_thread_labelled" when List("Labels") is { Length: > 0 } labels => $"{who} labelled an inbox thread {labels}.",
            "inbox_thread_labelled" => $"{who} took the labels off an inbox thread.",
            "inbox_thread_prioritized" => $"{who} gave an inbox thread {Text("Priority")} priority.",
            "inbox_thread_escalated" => $"{who} escalated an inbox thread: {Cut(Text("Note"))}",
            "inbox_reply_sent" => $"{who} replied in an inbox thread: {Cut(Text("Text"))}",
            "inbox_reply_failed" => $"The network refused {Possessive(who)} reply in an inbox thread: {Cut(Text("Message"))}",
            "inbox_reply_deleted" => $"{who} deleted a reply of the account on the network.",
            "inbox_item_hidden" when Text("Hidden") == "false" => $"{who} unhid an inbox item on the network.",
            "inbox_item_hidden" => $"{who} hid an inbox item on the network.",
            "inbox_item_deleted" => $"{who} deleted an inbox item on the network.",
            "inbox_delivery_failed" => $"A webhook delivery to the plugin {plugin} could not be read and was kept: {Cut(Text("Reason"))}",
            "inbox_item_liked" => $"{who} liked an inbox item on the network.",
            "inbox_item_unliked" => $"{who} took back a like on the network.",
            "inbox_delivery_replayed" => $"{who} replayed a kept webhook delivery: {Text("Stored")} of its {Text("Items")} items were new.",
            "inbox_delivery_replay_failed" => $"{who} replayed a kept webhook delivery, which still could not be read: {Cut(Text("Reason"))}",
            "inbox_delivery_dismissed" => $"{who} dismissed a kept webhook delivery.",
            "inbox_item_sentiment_set" when Text("Sentiment") == "unknown" => $"{who} cleared an inbox item's sentiment.",
            "inbox_item_sentiment_set" => $"{who} set an inbox item's sentiment to {Text("Sentiment")}.",
            "inbox_saved_reply_created" => $"{who} saved the reply “{Cut(Text("Name"))}”.",
            "inbox_saved_reply_edited" => $"{who} edited the saved reply “{Cut(Text("Name"))}”.",
            "inbox_saved_reply_deleted" => $"{who} deleted a saved reply.",
            "inbox_business_hours_changed" => $"{who} changed the inbox's business hours.",
            "plugin_failed" => $"The plugin {plugin} failed on {Text("Node")}: {Text("Reason")}",
            _ => $"{who}: {AuditEventTypes.Label(type)}.",
        };
    }

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";

    private static string Invitation(AuditNames names, Guid? id) =>
        id is { } known && names.InvitationEmails.TryGetValue(known, out var email) ? email : "a person";

    private static string Token(AuditNames names, Guid? id) =>
        id is { } known && names.TokenNames.TryGetValue(known, out var name) ? $"“{name}”" : "(no longer known)";

    private static string RecoveryNumber(string number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : number;

    // Which fields changed, never their values (secrets are among them); older events did not record it.
    private static string Fields(JsonObject body) =>
        AuditRedaction.Field(body, "Changed") is JsonArray changed
            ? changed.Count == 0 ? " (nothing changed)" : ": " + string.Join(", ", changed.Select(c => c?.ToString()))
            : "";
}
