namespace Extensible.Admin.Pages.Calendar;

/// <summary>A connected account as the composer offers it.</summary>
/// <param name="Id">The account.</param>
/// <param name="PluginId">The plugin whose connector serves it.</param>
/// <param name="PlatformKey">Its network.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="AvatarUrl">Its picture.</param>
/// <param name="Health">connected or needs_reconnect.</param>
/// <param name="HealthReason">Why it needs a reconnect.</param>
/// <param name="Paused">Whether publishing from it is paused.</param>
/// <param name="LastError">The last failure.</param>
public sealed record ComposeAccount(
    Guid Id, string PluginId, string PlatformKey, string Handle, string DisplayName, string? AvatarUrl, string Health, string? HealthReason, bool Paused,
    string? LastError)
{
    /// <summary>Why nothing can be composed for it now, or <see langword="null"/> when it is healthy.</summary>
    public string? Unusable => Health == "needs_reconnect"
        ? $"needs a reconnect{(HealthReason is { Length: > 0 } reason ? ": " + reason : "")}"
        : Paused ? "publishing from it is paused" : null;
}
