namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>A reply the sandbox accepted, and when the account deleted it.</summary>
internal sealed record SandboxReply(string ReplyId, string AccountId, string ItemId, string Text, DateTimeOffset RepliedAt)
{
    public DateTimeOffset? DeletedAt { get; init; }
}
