namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>A reply the sandbox accepted.</summary>
internal sealed record SandboxReply(string ReplyId, string AccountId, string ItemId, string Text, DateTimeOffset RepliedAt);
