namespace Extensible.Benchmarks.Inbox;

/// <summary>A comment, mention or direct message that arrived in the unified inbox: the event every scenario writes.</summary>
internal sealed record InboxItemReceived(
    string Platform,
    string AccountId,
    string ExternalId,
    string Kind,
    string? InReplyTo,
    InboxAuthor Author,
    string Text,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Labels);

/// <summary>Who wrote an inbox item, as the platform shows them.</summary>
internal sealed record InboxAuthor(string Handle, string DisplayName, string AvatarUrl);
