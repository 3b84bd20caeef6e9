namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>One line of an account's list of posts, which generated comments pick from.</summary>
internal sealed record SandboxPostEntry(string PostId, DateTimeOffset PublishedAt);
