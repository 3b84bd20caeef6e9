namespace Extensible.Testing.Networks.Mastodon;

/// <summary>A status on the fake instance, as it was posted.</summary>
public sealed record FakeMastodonStatus
{
    public required string Id { get; init; }

    public required FakeMastodonAccount Account { get; init; }

    /// <summary>The text as posted (the instance renders it into <see cref="Html"/>).</summary>
    public required string Text { get; init; }

    /// <summary>The HTML the instance sends as <c>content</c>.</summary>
    public required string Html { get; init; }

    public required string Visibility { get; init; }

    public string? SpoilerText { get; init; }

    public string? Language { get; init; }

    public bool Sensitive { get; init; }

    public string? InReplyToId { get; init; }

    public string? InReplyToAccountId { get; init; }

    /// <summary>The accounts of this instance its text mentions (<c>@username</c>), as the instance records them.</summary>
    public IReadOnlyList<FakeMastodonAccount> Mentions { get; init; } = [];

    /// <summary>The thread it is in (Mastodon's internal <c>conversation_id</c>): its reply chain's first status.</summary>
    public string? ThreadId { get; init; }

    public IReadOnlyList<string> MediaIds { get; init; } = [];

    public IReadOnlyList<string> PollOptions { get; init; } = [];

    public long? PollExpiresIn { get; init; }

    public bool PollMultiple { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Deleted { get; set; }

    public int Favourites { get; set; }

    public int Reblogs { get; set; }

    public int Replies { get; set; }
}
