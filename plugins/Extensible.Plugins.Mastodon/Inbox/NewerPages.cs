using System.Text.Json;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Inbox;

/// <summary>
/// Reads a Mastodon list newer than a position: the page right after it (<c>min_id</c>), newer pages followed through the
/// <c>Link</c> header's <c>prev</c>, at most <see cref="MaxPagesPerPoll"/> pages; without a position, the newest page only
/// (older history is not brought in). What was read before a rate limit or a passing failure is kept.
/// </summary>
internal static class NewerPages
{
    /// <summary>Pages read in one poll before the rest waits for the next.</summary>
    public const int MaxPagesPerPoll = 5;

    /// <param name="api">The instance's API.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="token">The account's token.</param>
    /// <param name="query">The list's path and query, without paging parameters.</param>
    /// <param name="position">Where the last poll stopped (a <c>min_id</c>), or <see langword="null"/>.</param>
    /// <param name="pageSize">The <c>limit</c> asked for (a shorter page is the last).</param>
    /// <param name="positionOf">The paging id of an entry (the notification's id; a conversation's last status id).</param>
    /// <param name="keepWhatWasRead">Whether a rate limit or passing failure on the first page is kept as an empty read instead of thrown.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<Read> ReadAsync(
        MastodonApi api, Uri instance, string token, string query, string? position, int pageSize, Func<JsonElement, string?> positionOf, bool keepWhatWasRead,
        CancellationToken cancellationToken)
    {
        Uri next = new(instance, position is null ? query : query + "&min_id=" + Uri.EscapeDataString(MastodonAccount.Id(position)));
        var entries = new List<JsonElement>();
        var newPosition = position;
        TimeSpan? pollAgainAfter = null;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            MastodonAnswer answer;
            try
            {
                answer = await api.SendAsync(HttpMethod.Get, instance, next, token, null, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException e) when ((page > 0 || keepWhatWasRead) && e.Failure is PlatformFailure.RateLimited or PlatformFailure.Retryable)
            {
                // What was read is kept; the rest comes at the next poll.
                pollAgainAfter = e.RetryAfter;
                break;
            }

            var found = answer.Body.Array().ToList();
            if (answer.RateLimit is { NearlySpent: true } limit)
            {
                pollAgainAfter = limit.ResetsIn;
            }

            if (found.Count == 0)
            {
                break;
            }

            // Mastodon answers newest first; the host wants oldest first.
            entries.AddRange(found.AsEnumerable().Reverse());
            newPosition = LinkHeader.Parameter(answer.Links.Prev, "min_id") ?? Newest(found.Select(positionOf));
            if (position is null || answer.Links.Prev is not { } prev || found.Count < pageSize || pollAgainAfter is not null)
            {
                break;
            }

            next = prev;
        }

        return new Read(entries, newPosition, pollAgainAfter);
    }

    // Mastodon ids are numbers as text: the newest is the longest, then the greatest.
    public static string? Newest(IEnumerable<string?> ids) =>
        ids.OfType<string>().OrderByDescending(id => id.Length).ThenByDescending(id => id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Whether id <paramref name="a"/> is at least as new as <paramref name="b"/>.</summary>
    public static bool AtLeast(string a, string b) => a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) >= 0;

    /// <summary>What a read brought.</summary>
    /// <param name="OldestFirst">The entries, oldest first.</param>
    /// <param name="Position">Where the next poll goes on from (unchanged when nothing came).</param>
    /// <param name="PollAgainAfter">When the instance asked to be left alone for a while.</param>
    public sealed record Read(IReadOnlyList<JsonElement> OldestFirst, string? Position, TimeSpan? PollAgainAfter);
}
