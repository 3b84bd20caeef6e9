using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Posts;

/// <summary>What one target's network says of a post: its counters, its problems (which stop a schedule) and its warnings.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Handle">The account's handle, for messages and the composer.</param>
/// <param name="PlatformKey">The network's key.</param>
/// <param name="Network">The network's name (the connector's profile), or the key when its connector is not running.</param>
/// <param name="Content">The target's effective content: its variant over the shared content.</param>
/// <param name="Counters">The text counters, one per text the network gets.</param>
/// <param name="Problems">What the network would refuse, named as the API names fields (<c>targets[&lt;id&gt;].text</c>).</param>
/// <param name="Warnings">What is allowed but probably unwanted (the same text to the same account within a day).</param>
/// <param name="Options">The network's own post options, for the composer to render.</param>
public sealed record TargetCheck(
    Guid AccountId, string Handle, string PlatformKey, string Network, PostContentDraft Content, IReadOnlyList<TextCounter> Counters,
    IReadOnlyList<PostProblem> Problems, IReadOnlyList<PostProblem> Warnings, IReadOnlyList<PostOptionField> Options);
