namespace Extensible.Plugins.Bluesky.Inbox;

/// <summary>Notifications not read yet between an API cursor and an older mark.</summary>
/// <param name="ApiCursor">The <c>listNotifications</c> cursor to go on from.</param>
/// <param name="Until">The mark to page back to.</param>
internal sealed record NotificationGap(string ApiCursor, NotificationMark Until);
