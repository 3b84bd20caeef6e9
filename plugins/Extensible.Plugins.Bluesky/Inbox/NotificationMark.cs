namespace Extensible.Plugins.Bluesky.Inbox;

/// <summary>
/// A place in the notification list: the <c>indexedAt</c> of the newest notification taken and the uris taken at that
/// very moment (several notifications may share one).
/// </summary>
internal sealed record NotificationMark(DateTimeOffset IndexedAt, IReadOnlyList<string> Uris)
{
    /// <summary>Before any notification: the mark of an inbox that was empty when first read.</summary>
    public static NotificationMark Beginning { get; } = new(DateTimeOffset.UnixEpoch, []);

    /// <summary>Whether a notification lies at or before this mark (taken already), in the list's newest-first order.</summary>
    public bool Covers(DateTimeOffset indexedAt, string uri) => indexedAt < IndexedAt || (indexedAt == IndexedAt && Uris.Contains(uri, StringComparer.Ordinal));
}
