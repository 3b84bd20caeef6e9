using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Extensible.Inbox.Threads;

/// <summary>
/// Which threads a list shows: filters, a full-text search, and where the page starts (the opaque <see cref="After"/>
/// from the previous page). Built from what people type: <see cref="Validate"/> says what is wrong before any query runs.
/// </summary>
public sealed record InboxQuery
{
    /// <summary>The most threads one page holds.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The longest search accepted.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Only threads in this status (<see cref="InboxStatus"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Only threads of this connected account.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>Only threads of this network (its connector's key, e.g. <c>sandbox</c>).</summary>
    public string? Network { get; init; }

    /// <summary>Only threads with this label.</summary>
    public string? Label { get; init; }

    /// <summary>Only threads of this priority (<see cref="InboxPriority"/>).</summary>
    public string? Priority { get; init; }

    /// <summary>Only threads of this sentiment (<see cref="InboxSentiment"/>), or <see cref="InboxSentiment.Unknown"/> for threads without one.</summary>
    public string? Sentiment { get; init; }

    /// <summary>Only threads given to this person.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Only threads given to no one.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Words the thread's items must contain (PostgreSQL full-text search; quotes and <c>-word</c> work).</summary>
    public string? Search { get; init; }

    /// <summary>The opaque position after which the page starts (<see cref="InboxPage.Next"/> of the previous page).</summary>
    public string? After { get; init; }

    /// <summary>How many threads per page (1 to <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>What is wrong with the query, by field, or an empty dictionary.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Status is not null && !InboxStatus.IsKnown(Status))
        {
            errors["status"] = $"Status must be one of: {string.Join(", ", InboxStatus.All)}.";
        }

        if (Priority is not null && !InboxPriority.IsKnown(Priority))
        {
            errors["priority"] = $"Priority must be one of: {string.Join(", ", InboxPriority.All)}.";
        }

        if (Sentiment is not null && !InboxSentiment.Filters.Contains(Sentiment, StringComparer.Ordinal))
        {
            errors["sentiment"] = $"Sentiment must be one of: {string.Join(", ", InboxSentiment.Filters)}.";
        }

        // PostgreSQL stores and compares no NUL, and no search, label or network key holds a control character.
        if (Search is { } search && (search.Length > MaxSearchLength || search.Any(char.IsControl)))
        {
            errors["search"] = $"A search has at most {MaxSearchLength} characters, without control characters.";
        }

        if (Label is { } label && (label.Length > InboxLabels.MaxLength || label.Any(char.IsControl)))
        {
            errors["label"] = $"A label has at most {InboxLabels.MaxLength} characters, without control characters.";
        }

        if (Network is { } network && (network.Length > 100 || network.Any(char.IsControl)))
        {
            errors["network"] = "A network key has at most 100 characters, without control characters.";
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = $"A page holds 1 to {MaxPageSize} threads.";
        }

        if (After is not null && Position.TryParse(After) is null)
        {
            errors["after"] = "The page position is not one this server gave out.";
        }

        return errors;
    }

    /// <summary>A thread's place in the newest-first order, written as an opaque token.</summary>
    internal readonly record struct Position(DateTimeOffset LastItemAt, Guid Id)
    {
        public override string ToString() =>
            Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{LastItemAt.UtcTicks}.{Id:N}")));

        public static Position? TryParse(string text)
        {
            if (text.Length > 100)
            {
                return null;
            }

            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
                return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id)
                    ? new Position(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
