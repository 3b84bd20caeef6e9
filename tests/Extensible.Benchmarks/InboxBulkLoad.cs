using System.Globalization;
using System.Text;
using Extensible.Inbox;
using Npgsql;
using NpgsqlTypes;

namespace Extensible.Benchmarks;

/// <summary>
/// Fills the inbox read model (<c>inbox_threads</c>, <c>inbox_items</c>) with a large workspace's history by binary COPY,
/// with the ids the projection would give (<see cref="InboxStreams"/>), varied networks, kinds, statuses and labels,
/// and texts from a fixed vocabulary with one common word (<see cref="CommonWord"/>, about 30 % of items) and one rare
/// word (<see cref="RareWord"/>, <see cref="RareItems"/> items). Deterministic (seeded).
/// </summary>
internal sealed class InboxBulkLoad(NpgsqlDataSource dataSource, Guid workspaceId, IReadOnlyList<(Guid AccountId, string Network)> accounts)
{
    public const int Threads = 200_000;
    public const int ItemsPerThread = 5;
    public const string CommonWord = "thanks";
    public const string RareWord = "zephyrine";
    public const int RareEvery = 4_000;
    public const int RareItems = Threads * ItemsPerThread / RareEvery;
    private const int Seed = 20261203;

    private static readonly string[] Statuses = ["new", "new", "new", "new", "new", "new", "open", "open", "open", "open", "open", "open", "open", "pending", "pending", "resolved", "resolved", "resolved", "spam", "hidden"];
    private static readonly string[][] LabelSets = [[], [], [], ["question"], ["question"], ["question"], ["praise"], ["praise"], ["complaint"], ["complaint", "question"], ["spam"], ["urgent", "complaint"]];
    private static readonly string[] Kinds = ["comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "mention", "mention", "mention", "mention", "mention", "direct_message", "direct_message", "direct_message"];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var words = Vocabulary(random);
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Threads and items in one go: each thread's items are written as the thread is, so both COPYs run side by side.
        await using var itemsConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var threads = await connection.BeginBinaryImportAsync(
            "copy inbox_threads (id, workspace_id, account_id, platform_key, kind, thread_key, status, priority, labels, preview, author_handle, author_name, "
            + "platform_post_id, first_item_at, last_item_at, item_count, version, updated) from stdin (format binary)", cancellationToken);
        await using var items = await itemsConnection.BeginBinaryImportAsync(
            "copy inbox_items (id, thread_id, workspace_id, account_id, direction, platform_item_id, kind, author_id, author_handle, author_name, text, created_at, received_at) "
            + "from stdin (format binary)", cancellationToken);
        var text = new StringBuilder();
        var item = 0;
        for (var t = 0; t < Threads; t++)
        {
            var (accountId, network) = accounts[t % accounts.Count];
            var kind = Kinds[random.Next(Kinds.Length)];
            var threadKey = string.Create(CultureInfo.InvariantCulture, $"{(kind == "direct_message" ? "dm" : kind == "mention" ? "item" : "post")}:bulk-{t}");
            var threadId = InboxStreams.ThreadIdFor(accountId, threadKey);
            var last = now - TimeSpan.FromSeconds(random.NextDouble() * 90 * 24 * 3600);
            var first = last - TimeSpan.FromMinutes(random.Next(1, 600));
            var author = random.Next(50_000);
            string preview = "";
            for (var i = 0; i < ItemsPerThread; i++, item++)
            {
                text.Clear();
                var length = random.Next(6, 24);
                for (var w = 0; w < length; w++)
                {
                    // Zipf-like: a few words are everywhere, most are rare.
                    text.Append(words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]).Append(' ');
                }

                if (random.Next(10) < 3)
                {
                    text.Append(CommonWord).Append(' ');
                }

                if (item % RareEvery == RareEvery / 2)
                {
                    text.Append(RareWord).Append(' ');
                }

                preview = text.ToString(0, Math.Min(text.Length - 1, 280));
                var platformItemId = string.Create(CultureInfo.InvariantCulture, $"bulk-{item}");
                var at = i == ItemsPerThread - 1 ? last : first + (last - first) * i / ItemsPerThread;
                await items.StartRowAsync(cancellationToken);
                await items.WriteAsync(InboxStreams.ItemEventIdFor(accountId, platformItemId), NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync(threadId, NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync(workspaceId, NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync(accountId, NpgsqlDbType.Uuid, cancellationToken);
                await items.WriteAsync("in", NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(platformItemId, NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(kind, NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"u{author}"), NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"@person{author}"), NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Person {author}"), NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(text.ToString(0, text.Length - 1), NpgsqlDbType.Text, cancellationToken);
                await items.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await items.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await threads.StartRowAsync(cancellationToken);
            await threads.WriteAsync(threadId, NpgsqlDbType.Uuid, cancellationToken);
            await threads.WriteAsync(workspaceId, NpgsqlDbType.Uuid, cancellationToken);
            await threads.WriteAsync(accountId, NpgsqlDbType.Uuid, cancellationToken);
            await threads.WriteAsync(network, NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(kind, NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(threadKey, NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(Statuses[random.Next(Statuses.Length)], NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(random.Next(10) == 0 ? "high" : "normal", NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(LabelSets[random.Next(LabelSets.Length)], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(preview, NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"@person{author}"), NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Person {author}"), NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(kind == "comment" ? string.Create(CultureInfo.InvariantCulture, $"bulk-{t}") : null, NpgsqlDbType.Text, cancellationToken);
            await threads.WriteAsync(first, NpgsqlDbType.TimestampTz, cancellationToken);
            await threads.WriteAsync(last, NpgsqlDbType.TimestampTz, cancellationToken);
            await threads.WriteAsync(ItemsPerThread, NpgsqlDbType.Integer, cancellationToken);
            await threads.WriteAsync((long)ItemsPerThread, NpgsqlDbType.Bigint, cancellationToken);
            await threads.WriteAsync(last, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await items.CompleteAsync(cancellationToken);
        await threads.CompleteAsync(cancellationToken);
    }

    /// <summary>Brings the tables to the state autovacuum keeps them in: statistics gathered, the GIN pending lists merged.</summary>
    public async Task VacuumAnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("vacuum (analyze) inbox_threads, inbox_items");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Made-up words of two to four syllables; none is the common or the rare word.
    private static string[] Vocabulary(Random random)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "do", "gra", "bel", "tin", "mor", "fa", "qu", "lis", "ben", "cor", "dal"];
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 5_000)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)]));
            if (word is not CommonWord and not RareWord)
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
