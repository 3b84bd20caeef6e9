using Extensible.Publishing.Posts;

namespace Extensible.Host.Api;

/// <summary>A post's content and targets: what creating, editing and validating take.</summary>
/// <param name="Text">The shared text (a thread's first part).</param>
/// <param name="MediaIds">Media library items, in order.</param>
/// <param name="ThreadParts">A thread's later parts.</param>
/// <param name="FirstComment">A first comment, where the network has them.</param>
/// <param name="Options">Network-specific options by the connector's keys.</param>
/// <param name="Targets">The accounts it goes to, each with an optional variant.</param>
/// <param name="Version">For an edit: the post's version as the editor saw it (a concurrent change then answers 409).</param>
/// <param name="PostId">For a validation of an existing post: left out of the repeated-text warning.</param>
/// <param name="DueAt">For a validation: when it would go out (the repeated-text warning looks a day either side).</param>
public sealed record PostRequest(
    string? Text, IReadOnlyList<Guid>? MediaIds, IReadOnlyList<string>? ThreadParts, string? FirstComment, IReadOnlyDictionary<string, string>? Options,
    IReadOnlyList<PostTargetRequest>? Targets, long? Version = null, Guid? PostId = null, DateTimeOffset? DueAt = null)
{
    internal PostContentDraft Content => new() { Text = Text, MediaIds = MediaIds, ThreadParts = ThreadParts, FirstComment = FirstComment, Options = Options };

    internal IReadOnlyList<PostTarget> PostTargets => Targets is null ? [] : [.. Targets.Select(t => new PostTarget(t?.AccountId ?? Guid.Empty, t?.Variant))];
}

/// <summary>One account a post goes to.</summary>
/// <param name="AccountId">The connected account.</param>
/// <param name="Variant">What differs from the shared content there (text, mediaIds, threadParts, firstComment, options); null members keep the shared value.</param>
public sealed record PostTargetRequest(Guid AccountId, PostContentDraft? Variant);

/// <summary>When to publish: a local time in a zone.</summary>
/// <param name="LocalTime">The wall-clock time, <c>2027-03-28T09:30</c>.</param>
/// <param name="TimeZone">An IANA zone id; the workspace's when left out.</param>
/// <param name="Offset">Only for a time that happens twice (the fall-back hour): the UTC offset meant, <c>+02:00</c>.</param>
/// <param name="Version">The post's version as the caller saw it (a concurrent change then answers 409).</param>
public sealed record ScheduleRequest(string? LocalTime, string? TimeZone, string? Offset, long? Version);

/// <summary>A decision on a target the publisher could not settle.</summary>
/// <param name="Decision"><c>send_again</c>, <c>mark_sent</c> or <c>drop</c>.</param>
/// <param name="Url">For <c>mark_sent</c>: the post's address on the network, when known.</param>
/// <param name="Version">The post's version as the caller saw it.</param>
public sealed record TargetDecisionRequest(string? Decision, string? Url, long? Version);

/// <summary>One answer to a question about a local time.</summary>
/// <param name="Label">How it reads.</param>
/// <param name="LocalTime">The local time to send back.</param>
/// <param name="Offset">The offset to send back with it, when the local time happens twice.</param>
/// <param name="Instant">The instant it means.</param>
public sealed record LocalTimeChoiceResponse(string Label, string LocalTime, string? Offset, DateTimeOffset Instant);

/// <summary>A post checked against its targets' networks: the composer's counters and what stops a schedule.</summary>
/// <param name="Valid">Whether it may be scheduled as it is.</param>
/// <param name="Errors">Every problem, by field (<c>targets[&lt;accountId&gt;].text</c>).</param>
/// <param name="Targets">Per target: counters, problems, warnings and the network's own options.</param>
public sealed record PostCheckResponse(bool Valid, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<TargetCheckResponse> Targets);

/// <summary>One target's check.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="PlatformKey">Its network's key.</param>
/// <param name="Network">Its network's name.</param>
/// <param name="Counters">Text counters (count, limit, remaining) per text.</param>
/// <param name="Problems">What the network would refuse.</param>
/// <param name="Warnings">What is allowed but probably unwanted.</param>
/// <param name="Options">The network's own post options.</param>
public sealed record TargetCheckResponse(
    Guid AccountId, string Handle, string PlatformKey, string Network, IReadOnlyList<TextCounter> Counters, IReadOnlyList<PostProblem> Problems,
    IReadOnlyList<PostProblem> Warnings, IReadOnlyList<PostOptionResponse> Options);

/// <summary>A network-specific option of a post.</summary>
/// <param name="Key">Its key in <c>options</c>.</param>
/// <param name="Label">Its label.</param>
/// <param name="Kind"><c>text</c>, <c>choice</c> or <c>boolean</c>.</param>
/// <param name="Choices">A choice's values.</param>
/// <param name="Required">Whether a schedule needs it.</param>
/// <param name="Help">A line of help.</param>
public sealed record PostOptionResponse(string Key, string Label, string Kind, IReadOnlyList<string> Choices, bool Required, string? Help);
