namespace Extensible.Plugins.Mastodon.Inbox;

/// <summary>
/// Where the inbox has read up to: the newest mention notification's id and the newest conversation's
/// <c>last_status_id</c>, kept as <c>notifications;conversations</c>. A cursor stored before conversations were read holds
/// the notification id alone (no <c>;</c>): it resumes notifications where they were and starts conversations at the newest.
/// </summary>
/// <param name="Notifications">The notification position, or <see langword="null"/> on the first poll.</param>
/// <param name="Conversations">The conversation position, or <see langword="null"/> when conversations were never read.</param>
internal sealed record InboxCursor(string? Notifications, string? Conversations)
{
    private const char Separator = ';';

    /// <summary>Reads a stored cursor; <see langword="null"/> (the first poll) has neither position.</summary>
    public static InboxCursor Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return new InboxCursor(null, null);
        }

        var separator = cursor.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0
            ? new InboxCursor(cursor, null)
            : new InboxCursor(Part(cursor[..separator]), Part(cursor[(separator + 1)..]));
    }

    /// <summary>The cursor as the host stores it.</summary>
    public override string ToString() => Notifications + Separator + Conversations;

    private static string? Part(string text) => text.Length == 0 ? null : text;
}
