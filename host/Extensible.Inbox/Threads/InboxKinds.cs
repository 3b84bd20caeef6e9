using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Threads;

/// <summary>An item's kind as the read model stores it (<c>comment</c>, <c>mention</c>, <c>direct_message</c>, <c>review</c>) and in words.</summary>
public static class InboxKinds
{
    /// <summary>Every stored kind.</summary>
    public static IReadOnlyList<string> All { get; } = ["comment", "mention", "direct_message", "review"];

    /// <summary>The stored name of <paramref name="kind"/>.</summary>
    public static string Stored(InboxItemKind kind) => kind switch
    {
        InboxItemKind.Mention => "mention",
        InboxItemKind.DirectMessage => "direct_message",
        InboxItemKind.Review => "review",
        _ => "comment",
    };

    /// <summary>The kind a stored name stands for.</summary>
    public static InboxItemKind Parse(string stored) => stored switch
    {
        "mention" => InboxItemKind.Mention,
        "direct_message" => InboxItemKind.DirectMessage,
        "review" => InboxItemKind.Review,
        _ => InboxItemKind.Comment,
    };

    /// <summary>The kind in words: "comment", "direct message".</summary>
    public static string Describe(string stored) => stored.Replace('_', ' ');
}
