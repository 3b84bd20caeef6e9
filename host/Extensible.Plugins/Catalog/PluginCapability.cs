namespace Extensible.Plugins.Catalog;

/// <summary>One capability a running plugin registered.</summary>
/// <param name="Kind">connector, content-rule, moderation-step, influencer-source or listening-source.</param>
/// <param name="Key">Its key (a connector's platform key, a rule's key).</param>
/// <param name="Name">What people read.</param>
/// <param name="Description">One sentence on what it does.</param>
public sealed record PluginCapability(string Kind, string Key, string Name, string Description);
