namespace Extensible.Sdk;

/// <summary>Names a capability (a content rule, a moderation step, a source) in the console and the API.</summary>
/// <param name="Key">A stable key, unique within the plugin, lower-case with dashes (<c>utm-links</c>; <see cref="CapabilityRules.Key"/>).</param>
/// <param name="Name">What people read.</param>
/// <param name="Description">One sentence on what it does.</param>
public sealed record CapabilityInfo(string Key, string Name, string Description);
