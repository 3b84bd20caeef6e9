using Extensible.Sdk.Connectors;

namespace Extensible.Admin.Pages.Compose;

/// <summary>What an account's network takes, from its connector's profile; <see langword="null"/> profile when its connector is not running.</summary>
/// <param name="Profile">The connector's profile.</param>
public sealed record ComposeNetwork(PlatformProfile? Profile)
{
    /// <summary>The network's name.</summary>
    public string Name => Profile?.DisplayName ?? "(connector not running)";

    /// <summary>Whether it takes threads.</summary>
    public bool Threads => Profile?.Content.HasFlag(ContentKinds.Thread) ?? false;

    /// <summary>Whether it takes a first comment.</summary>
    public bool FirstComment => Profile?.Features.HasFlag(PlatformFeatures.FirstComment) ?? false;

    /// <summary>Whether it takes media.</summary>
    public bool Media => Profile is { } p && p.Media.MaxItems > 0 && (p.Content.HasFlag(ContentKinds.Image) || p.Content.HasFlag(ContentKinds.Video));

    /// <summary>Its own post options.</summary>
    public IReadOnlyList<PostOptionField> Options => Profile?.PostOptions ?? [];

    /// <summary>Whether <paramref name="key"/> is one of its options.</summary>
    public bool HasOption(string key) => Options.Any(o => o.Key == key);
}
