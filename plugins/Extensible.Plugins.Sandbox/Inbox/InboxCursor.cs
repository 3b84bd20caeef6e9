using System.Globalization;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Inbox;

/// <summary>Where a sandbox inbox poll stands: the next item's number and when the previous item was written.</summary>
/// <param name="NextIndex">The number of the next item to generate.</param>
/// <param name="LastAt">When the previous item was written (or, before the first, when the inbox opened).</param>
internal sealed record InboxCursor(long NextIndex, DateTimeOffset LastAt)
{
    private const string Prefix = "sbx1";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{NextIndex}:{LastAt.UtcTicks}");

    /// <summary>Reads a cursor this inbox wrote; anything else is refused.</summary>
    public static InboxCursor Parse(string cursor)
    {
        var parts = cursor.Split(':');
        if (parts.Length == 3
            && parts[0] == Prefix
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            return new InboxCursor(index, new DateTimeOffset(ticks, TimeSpan.Zero));
        }

        throw PlatformException.Rejected("The inbox cursor was not written by the sandbox.");
    }
}
