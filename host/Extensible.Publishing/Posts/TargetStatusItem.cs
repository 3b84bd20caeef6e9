namespace Extensible.Publishing.Posts;

/// <summary>One target's status in a list or on the calendar.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PlatformKey">Its network's key.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="Status">Its status.</param>
/// <param name="Message">The last failure's message, if any.</param>
/// <param name="Url">The post on the network, once published.</param>
public sealed record TargetStatusItem(Guid AccountId, string PlatformKey, string Handle, string Status, string? Message, string? Url);
