namespace Extensible.Sdk.Connectors;

/// <summary>What a network is and what it supports. The composer shapes posts with it; the host checks it before calling optional operations.</summary>
public sealed record PlatformProfile
{
    /// <summary>A stable key, lower-case (<c>mastodon</c>, <c>bluesky</c>, <c>sandbox</c>). Unique among installed connectors.</summary>
    public required string Key { get; init; }

    /// <summary>The network's name as people know it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>How accounts connect.</summary>
    public required AuthMethod Auth { get; init; }

    /// <summary>The kinds of posts the network takes.</summary>
    public required ContentKinds Content { get; init; }

    /// <summary>The text limit and how the network counts length.</summary>
    public required TextLimit Text { get; init; }

    /// <summary>Media limits; <see cref="MediaLimits.None"/> for text-only networks.</summary>
    public MediaLimits Media { get; init; } = MediaLimits.None;

    /// <summary>Optional operations the connector implements.</summary>
    public PlatformFeatures Features { get; init; }

    /// <summary><see langword="true"/> for simulated networks (the sandbox): the console labels them clearly everywhere.</summary>
    public bool IsSandbox { get; init; }

    /// <summary>
    /// Network-specific options of a post (a board, a privacy level, a title) the composer asks for; keys are unique. Values
    /// arrive in the post's options; the host refuses to schedule a post whose values do not fit these fields.
    /// </summary>
    public IReadOnlyList<PostOptionField> PostOptions { get; init; } = [];

    /// <summary>
    /// Fields the console asks for before connecting starts, for OAuth networks whose server the person names (a Mastodon
    /// instance). Their values reach <see cref="IPlatformConnector.BeginConnectAsync"/> in <see cref="ConnectRequest.Fields"/>;
    /// the host refuses to start without them. Empty for networks with one fixed server.
    /// </summary>
    public IReadOnlyList<ConnectField> ConnectFields { get; init; } = [];
}
