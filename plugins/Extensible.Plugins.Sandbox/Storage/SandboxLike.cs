namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>What the sandbox knows of the account's like on an item: whether it likes it now, and how many like or unlike calls it received.</summary>
internal sealed record SandboxLike(string AccountId, string ItemId, bool Liked, int Calls, DateTimeOffset ChangedAt);
