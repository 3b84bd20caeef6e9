using Extensible.Publishing.Posts;

namespace Extensible.Admin.Pages.Compose;

/// <summary>The composer's live panel: each target's counters, problems, warnings and preview, as its network sees the post.</summary>
/// <param name="Check">The post checked against every target's network.</param>
/// <param name="Networks">What each account's network takes, by account id.</param>
public sealed record ComposeChecks(PostCheck Check, IReadOnlyDictionary<Guid, ComposeNetwork> Networks)
{
    /// <summary>The id of the panel htmx replaces.</summary>
    public const string ElementId = "compose-checks";

    /// <summary>A field's name without its target prefix: <c>targets[…].text</c> reads <c>text</c>.</summary>
    public static string Field(string field)
    {
        var dot = field.IndexOf("].", StringComparison.Ordinal);
        return dot < 0 ? field : field[(dot + 2)..];
    }

    /// <summary>A counter's field in words.</summary>
    public static string CounterName(string field) => field switch
    {
        "text" => "Text",
        "firstComment" => "First comment",
        _ when field.StartsWith("threadParts[", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(12, field.Length - 13), System.Globalization.CultureInfo.InvariantCulture, out var i) => $"Thread part {i + 2}",
        _ => field,
    };
}
