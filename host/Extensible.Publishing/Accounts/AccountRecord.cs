namespace Extensible.Publishing.Accounts;

/// <summary>A connected account as the read model keeps it: never its credentials.</summary>
/// <param name="Id">The account's id in Extensible.</param>
/// <param name="WorkspaceId">The workspace it belongs to.</param>
/// <param name="PluginId">The plugin whose connector serves it.</param>
/// <param name="PlatformKey">The network's key (<c>sandbox</c>, <c>mastodon</c>…).</param>
/// <param name="PlatformAccountId">The account's id on the network.</param>
/// <param name="Handle">The handle people see.</param>
/// <param name="DisplayName">The account's name on the network.</param>
/// <param name="ProfileUrl">Its public page, if the network has one.</param>
/// <param name="AvatarUrl">Its picture, as the network gave it (not checked: render it only when it is https).</param>
/// <param name="Health">Connected, needs reconnect or disconnected.</param>
/// <param name="HealthReason">Why it needs a reconnect.</param>
/// <param name="Paused">Whether publishing from it is paused by a person.</param>
/// <param name="ConnectedAt">When it was first connected.</param>
/// <param name="ExpiresAt">When its access credentials expire, if they do.</param>
/// <param name="LastPublishedAt">When it last published.</param>
/// <param name="LastError">The last publish failure's message.</param>
/// <param name="LastErrorAt">When that failure happened.</param>
public sealed record AccountRecord(
    Guid Id, Guid WorkspaceId, string PluginId, string PlatformKey, string PlatformAccountId, string Handle, string DisplayName,
    string? ProfileUrl, string? AvatarUrl, AccountHealth Health, string? HealthReason, bool Paused, DateTimeOffset ConnectedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? LastPublishedAt, string? LastError, DateTimeOffset? LastErrorAt)
{
    /// <summary>Whether the publisher may publish from it now: connected and not paused.</summary>
    public bool CanPublish => Health == AccountHealth.Connected && !Paused;

    /// <summary>The avatar's URL when it is an absolute https URL (the only kind the console renders), else null.</summary>
    public Uri? SafeAvatarUrl =>
        Uri.TryCreate(AvatarUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;

    /// <summary>The profile URL when it is an absolute http(s) URL, else null.</summary>
    public Uri? SafeProfileUrl =>
        Uri.TryCreate(ProfileUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;
}
