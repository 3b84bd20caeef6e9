using Xunit;

namespace Extensible.Testing.Events;

/// <summary>
/// The plugin events the host (<c>PluginOwnEvents</c>) and the plugin test kit (<c>RecordedPluginEvents</c>) are both
/// tested against: the rules are the SDK's <c>PluginEventRules</c>, and one table keeps the two from drifting apart.
/// </summary>
public static class PluginEventCases
{
    /// <summary>Each case: what it is, the event's type and data, and whether it is accepted.</summary>
    public static TheoryData<string, string, string, bool> All { get; } = new()
    {
        { "a fact in snake case", "webhook_rejected", "{}", true },
        { "one word", "published", "{\"id\":\"p-1\"}", true },
        { "digits after the first letter", "v2_synced", "{}", true },
        { "type of 100 characters", "a" + new string('b', 99), "{}", true },
        { "type of 101 characters", "a" + new string('b', 100), "{}", false },
        { "type empty", "", "{}", false },
        { "type in pascal case", "WebhookRejected", "{}", false },
        { "type with a space", "webhook rejected", "{}", false },
        { "type with a dash", "webhook-rejected", "{}", false },
        { "type with a dot", "webhook.rejected", "{}", false },
        { "type with two underscores in a row", "webhook__rejected", "{}", false },
        { "type ending in an underscore", "webhook_", "{}", false },
        { "type starting with an underscore", "_webhook", "{}", false },
        { "type starting with a digit", "2fa_enabled", "{}", false },
        { "data an array", "webhook_rejected", "[1]", false },
        { "data a string", "webhook_rejected", "\"rejected\"", false },
        { "data null", "webhook_rejected", "null", false },
        { "data not JSON", "webhook_rejected", "not json", false },
        { "data cut short", "webhook_rejected", "{\"id\":", false },
    };
}
