using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Extensible.Benchmarks.Inbox;

/// <summary>
/// Makes realistic inbox items from a seeded <see cref="Random"/>, so every run and every scenario writes the same
/// bodies: 200–400 characters of text with some accents and emoji, an author, a few labels.
/// </summary>
internal static class InboxEventGenerator
{
    private static readonly string[] Platforms = ["x", "mastodon", "bluesky", "instagram", "facebook", "linkedin", "threads"];
    private static readonly string[] Kinds = ["comment", "mention", "direct_message"];
    private static readonly string[] Labels = ["question", "complaint", "praise", "lead", "support", "urgent", "spam-suspect", "billing", "feature-request", "partnership"];
    private static readonly string[] FirstNames = ["Ana", "Björn", "Chloé", "Dmitri", "Eun-ji", "Fatima", "Giulia", "Hiroshi", "Ingrid", "José", "Kwame", "Léa", "Mateo", "Nadia", "Oğuz", "Priya"];
    private static readonly string[] LastNames = ["García", "Müller", "Okafor", "Nakamura", "Kowalski", "Dubois", "Silva", "Novák", "Haddad", "Lindqvist", "Rossi", "Şahin"];
    private static readonly string[] Emoji = ["😀", "🙏", "🔥", "❤️", "👍", "🎉", "🤔", "😅", "🚀", "✨"];
    private static readonly string[] Words =
    [
        "hi", "team", "thanks", "for", "the", "update", "your", "new", "release", "looks", "great", "but", "I", "can't", "find", "where",
        "to", "change", "my", "billing", "address", "order", "arrived", "yesterday", "and", "box", "was", "damaged", "could", "you",
        "please", "help", "love", "this", "feature", "when", "will", "it", "come", "Android", "is", "there", "a", "discount", "students",
        "café", "naïve", "déjà", "vu", "über", "crème", "brûlée", "schön", "support", "replied", "fast", "still", "waiting", "on", "refund",
        "shipping", "Lisbon", "Zürich", "delivery", "tracking", "number", "doesn't", "work", "link", "broken", "event", "tickets", "sold", "out",
    ];

    /// <summary>The seed every run uses.</summary>
    public const int Seed = 20_240_611;

    /// <summary>Makes <paramref name="count"/> inbox items, the same ones for the same seed.</summary>
    public static IReadOnlyList<InboxItemReceived> Generate(int count, int seed = Seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var items = new InboxItemReceived[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Next(random, start.AddSeconds(i * 7L + random.Next(7)));
        }

        return items;
    }

    /// <summary>The UTF-8 size of an item's JSON, as the store serializes it.</summary>
    public static int JsonSize(InboxItemReceived item) =>
        JsonSerializer.SerializeToUtf8Bytes(item, InboxJsonContext.Default.InboxItemReceived).Length;

    private static InboxItemReceived Next(Random random, DateTimeOffset receivedAt)
    {
        var platform = Pick(random, Platforms);
        var kind = Pick(random, Kinds);
        var first = Pick(random, FirstNames);
        var last = Pick(random, LastNames);
        var handle = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}_{Ascii(last)}{random.Next(10, 9999)}").ToLowerInvariant();
        var author = new InboxAuthor(
            handle,
            $"{first} {last}" + (random.Next(4) == 0 ? " " + Pick(random, Emoji) : ""),
            string.Create(CultureInfo.InvariantCulture, $"https://cdn.{platform}.example/avatars/{random.NextInt64(100_000_000_000, 999_999_999_999)}/{Hex(random, 16)}_400x400.jpg"));
        var labels = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Labels)).Distinct().ToArray();
        return new InboxItemReceived(
            platform,
            string.Create(CultureInfo.InvariantCulture, $"acct_{random.Next(1, 40):D3}"),
            string.Create(CultureInfo.InvariantCulture, $"{random.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}"),
            kind,
            kind == "direct_message" ? null : string.Create(CultureInfo.InvariantCulture, $"{random.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}"),
            author,
            Text(random, random.Next(200, 401)),
            receivedAt,
            labels);
    }

    private static string Text(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(random.Next(12) == 0 ? Pick(random, Emoji) : Pick(random, Words));
            if (random.Next(9) == 0)
            {
                text.Append(random.Next(3) == 0 ? '?' : '.');
            }
        }

        return text.ToString();
    }

    private static string Ascii(string name) =>
        new([.. name.Where(char.IsAsciiLetter)]);

    private static string Hex(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[random.Next(16)]));

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
