using System.Globalization;
using Extensible.Benchmarks.Inbox;

namespace Extensible.Benchmarks;

/// <summary>
/// The writes every scenario makes, raw or through the store, so they compare like for like: the same inbox items,
/// the same stream ids and versions, the same batch size and number of concurrent writers.
/// </summary>
internal sealed class InboxWorkload(IReadOnlyList<InboxItemReceived> items)
{
    public const string Tenant = "default";
    public const string EventType = "inbox_item_received";
    public const int BatchSize = 500;
    public const int ConcurrentWriters = 16;

    /// <summary>A direct-message conversation takes this many single appends, then the writer starts a new one.</summary>
    public const int EventsPerConversation = 10;

    /// <summary>Writer <paramref name="writer"/>'s endless walk through the items, starting at a place of its own.</summary>
    public ItemCursor Cursor(int writer) => new(items, writer * 997);

    /// <summary>One new stream per batch, as an import of a page of a platform's inbox would make.</summary>
    public static string BatchStream(string scenario, int writer, int batch) =>
        string.Create(CultureInfo.InvariantCulture, $"inbox-import-{scenario}-{writer}-{batch}");

    /// <summary>Each writer's own conversations; no two writers share a stream.</summary>
    public static string ConversationStream(string scenario, int writer, int conversation) =>
        string.Create(CultureInfo.InvariantCulture, $"dm-{scenario}-{writer}-{conversation}");

    /// <summary>Hands out items in a cycle; one per writer, never shared.</summary>
    internal sealed class ItemCursor(IReadOnlyList<InboxItemReceived> items, int start)
    {
        private int _next = start % items.Count;

        public InboxItemReceived Next()
        {
            var item = items[_next];
            _next = (_next + 1) % items.Count;
            return item;
        }
    }
}
