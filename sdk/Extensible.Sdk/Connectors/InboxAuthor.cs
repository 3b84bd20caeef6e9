namespace Extensible.Sdk.Connectors;

/// <summary>Who wrote an inbox item (untrusted text, like the item's).</summary>
public sealed record InboxAuthor
{
    /// <summary>The author's id on the network.</summary>
    public required string PlatformUserId { get; init; }

    /// <summary>The author's handle.</summary>
    public required string Handle { get; init; }

    /// <summary>The author's display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The author's public page.</summary>
    public Uri? ProfileUrl { get; init; }

    /// <summary>The author's follower count, when the network tells.</summary>
    public long? Followers { get; init; }

    /// <summary><see langword="true"/> when the network marks the author verified.</summary>
    public bool IsVerified { get; init; }
}
