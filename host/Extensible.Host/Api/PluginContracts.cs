namespace Extensible.Host.Api;

/// <summary>A plugin as the API shows it.</summary>
/// <param name="Id">The manifest's id.</param>
/// <param name="Name">The manifest's name.</param>
/// <param name="Version">The manifest's version.</param>
/// <param name="Author">The manifest's author.</param>
/// <param name="Description">The manifest's description.</param>
/// <param name="Origin">bundled (shipped with Extensible) or installed.</param>
/// <param name="State">running, disabled or failed.</param>
/// <param name="FailureReason">Why it failed, when it did.</param>
/// <param name="UnloadProblem">Why its previous code could not be freed, when that happened (a restart frees it).</param>
/// <param name="IsSandbox">A simulated network or sample.</param>
/// <param name="HasSettings">Whether it declares settings.</param>
/// <param name="Links">The manifest's links.</param>
/// <param name="Capabilities">What it registered (empty unless running).</param>
/// <param name="Calls">How calls into it have gone on the node that answered.</param>
public sealed record PluginResponse(
    string Id,
    string Name,
    string Version,
    string Author,
    string Description,
    string Origin,
    string State,
    string? FailureReason,
    string? UnloadProblem,
    bool IsSandbox,
    bool HasSettings,
    IReadOnlyList<PluginLinkResponse> Links,
    IReadOnlyList<PluginCapabilityResponse> Capabilities,
    PluginCallsResponse Calls);

/// <summary>A link from a plugin's manifest.</summary>
/// <param name="Title">What it is.</param>
/// <param name="Url">Where it goes.</param>
public sealed record PluginLinkResponse(string Title, string Url);

/// <summary>A capability a running plugin registered.</summary>
/// <param name="Kind">connector, content-rule, moderation-step, influencer-source or listening-source.</param>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it does.</param>
public sealed record PluginCapabilityResponse(string Kind, string Key, string Name, string Description);

/// <summary>Call statistics of a plugin on the node that answered.</summary>
/// <param name="Calls">Calls made.</param>
/// <param name="Failures">Calls that threw, timed out or were refused by the breaker.</param>
/// <param name="P95Milliseconds">95th percentile of recent call durations.</param>
/// <param name="Breaker">closed, open or halfOpen.</param>
public sealed record PluginCallsResponse(long Calls, long Failures, double P95Milliseconds, string Breaker);

/// <summary>A plugin's settings, field by field; secrets only say whether they are set.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="Fields">The fields in declaration order.</param>
public sealed record PluginSettingsResponse(string PluginId, IReadOnlyList<PluginSettingResponse> Fields);

/// <summary>One setting.</summary>
/// <param name="Name">The JSON member to send in a PUT.</param>
/// <param name="Label">What the console shows.</param>
/// <param name="Description">Help text.</param>
/// <param name="Kind">text, multilineText, number, toggle, choice, url, email or secret.</param>
/// <param name="Required">Whether a value is needed.</param>
/// <param name="Value">The current value as text; always null for secrets.</param>
/// <param name="IsSet">For secrets: whether a value is stored.</param>
/// <param name="Choices">The allowed values of a choice.</param>
/// <param name="Minimum">The smallest allowed number.</param>
/// <param name="Maximum">The largest allowed number.</param>
/// <param name="MaxLength">The longest allowed text.</param>
public sealed record PluginSettingResponse(
    string Name,
    string Label,
    string? Description,
    string Kind,
    bool Required,
    string? Value,
    bool IsSet,
    IReadOnlyList<string> Choices,
    string? Minimum,
    string? Maximum,
    int? MaxLength);
