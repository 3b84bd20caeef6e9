namespace Extensible.Plugins.Sandbox.Webhooks;

/// <summary>One inbox item in a sandbox webhook delivery.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Kind"><c>comment</c>, <c>mention</c> or <c>direct_message</c>.</param>
/// <param name="AuthorId">The author's id.</param>
/// <param name="AuthorHandle">The author's handle.</param>
/// <param name="Text">The text (untrusted).</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record SandboxWebhookItem(string Id, string Kind, string AuthorId, string AuthorHandle, string Text, DateTimeOffset CreatedAt)
{
    /// <summary>The author's display name.</summary>
    public string? AuthorName { get; init; }

    /// <summary>The conversation (post or message thread).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The account's post it concerns, for comments.</summary>
    public string? PostId { get; init; }

    /// <summary>The item it answers.</summary>
    public string? ParentId { get; init; }

    /// <summary>The item's tone, when the network rated it: <c>negative</c>, <c>neutral</c> or <c>positive</c>.</summary>
    public string? Sentiment { get; init; }
}
