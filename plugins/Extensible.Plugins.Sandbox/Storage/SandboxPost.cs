namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>A post the sandbox "published", as it remembers it.</summary>
internal sealed record SandboxPost
{
    public required string PostId { get; init; }

    public required string AccountId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Kind { get; init; }

    public required string Text { get; init; }

    public int MediaCount { get; init; }

    public bool HasVideo { get; init; }

    public IReadOnlyList<string> ThreadPostIds { get; init; } = [];

    public string? FirstCommentId { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }
}
