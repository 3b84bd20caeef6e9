using Extensible.Inbox.Threads;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// The list's filters as the address carries them (<c>/inbox?status=new&amp;assignee=me&amp;q=refund</c>): what the
/// moderator chose, kept as typed so the form shows it again, and turned into an <see cref="InboxQuery"/> for one person.
/// </summary>
public sealed record InboxFilter
{
    /// <summary>The assignee filter for the person looking.</summary>
    public const string Me = "me";

    /// <summary>The assignee filter for threads given to no one.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>A status (<see cref="InboxStatus"/>), or null for all.</summary>
    public string? Status { get; init; }

    /// <summary>A network key, or null for all.</summary>
    public string? Network { get; init; }

    /// <summary>A connected account, or null for all.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>A label, or null for all.</summary>
    public string? Label { get; init; }

    /// <summary>A priority (<see cref="InboxPriority"/>), or null for all.</summary>
    public string? Priority { get; init; }

    /// <summary>A sentiment (<see cref="InboxSentiment.Filters"/>, <c>unknown</c> among them), or null for all.</summary>
    public string? Sentiment { get; init; }

    /// <summary><see cref="Me"/>, <see cref="Unassigned"/>, a member's id, or null for anyone.</summary>
    public string? Assignee { get; init; }

    /// <summary>The full-text search, or null.</summary>
    public string? Search { get; init; }

    /// <summary>Whether any filter or search narrows the list (live arrivals are then announced, not inserted).</summary>
    public bool Narrows => Status is not null || Network is not null || AccountId is not null || Label is not null || Priority is not null
        || Sentiment is not null || Assignee is not null || Search is not null;

    /// <summary>The filters from the address: blanks are "all".</summary>
    public static InboxFilter From(string? status, string? network, Guid? account, string? label, string? priority, string? assignee, string? q, string? sentiment = null) => new()
    {
        Status = Blank(status),
        Network = Blank(network),
        AccountId = account,
        Label = Blank(label),
        Priority = Blank(priority),
        Sentiment = Blank(sentiment),
        Assignee = Blank(assignee),
        Search = Blank(q),
    };

    /// <summary>The board's query for the person <paramref name="me"/>, starting after <paramref name="after"/>.</summary>
    public InboxQuery Query(Guid me, string? after) => new()
    {
        Status = Status,
        Network = Network,
        AccountId = AccountId,
        Label = Label,
        Priority = Priority,
        Sentiment = Sentiment,
        AssigneeId = Assignee == Me ? me : Guid.TryParse(Assignee, out var id) ? id : null,
        Unassigned = Assignee == Unassigned,
        Search = Search,
        After = Blank(after),
    };

    /// <summary>The address's query values for these filters (and a thread or page), for links.</summary>
    public Dictionary<string, string?> RouteValues(Guid? thread = null, string? after = null) => new(StringComparer.Ordinal)
    {
        ["status"] = Status,
        ["network"] = Network,
        ["account"] = AccountId?.ToString(),
        ["label"] = Label,
        ["priority"] = Priority,
        ["sentiment"] = Sentiment,
        ["assignee"] = Assignee,
        ["q"] = Search,
        ["after"] = after,
        ["thread"] = thread?.ToString("N"),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
