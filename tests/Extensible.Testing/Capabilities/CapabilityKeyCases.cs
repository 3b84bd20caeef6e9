using Xunit;

namespace Extensible.Testing.Capabilities;

/// <summary>
/// The capability keys the host (<c>PluginLoader</c>) and the plugin test kit (<c>PluginHarness</c>) are both tested
/// against: the rule is the SDK's <c>CapabilityRules</c>, and one table keeps the two from drifting apart.
/// </summary>
public static class CapabilityKeyCases
{
    /// <summary>Each case: what it is, the keys of one plugin's content rules in registration order, and whether they are accepted.</summary>
    public static TheoryData<string, string[], bool> All { get; } = new()
    {
        { "one key with a dash", ["utm-links"], true },
        { "several keys", ["utm-links", "banned-words", "2fa"], true },
        { "key of 100 characters", [new string('k', 100)], true },
        { "key of 101 characters", [new string('k', 101)], false },
        { "key empty", [""], false },
        { "key in capitals", ["UtmLinks"], false },
        { "key with an underscore", ["utm_links"], false },
        { "key with a dot", ["utm.links"], false },
        { "key with a space", ["utm links"], false },
        { "key with two dashes in a row", ["utm--links"], false },
        { "key ending in a dash", ["utm-"], false },
        { "two capabilities with one key", ["same", "other", "same"], false },
    };
}
