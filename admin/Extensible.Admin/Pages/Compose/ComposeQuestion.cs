using Extensible.Publishing.Scheduling;

namespace Extensible.Admin.Pages.Compose;

/// <summary>A local time that does not exist or happens twice, asked about beside the date: the question and its answers.</summary>
/// <param name="Question">What is asked, in words.</param>
/// <param name="Choices">The possible answers.</param>
public sealed record ComposeQuestion(string Question, IReadOnlyList<LocalTimeChoice> Choices)
{
    /// <summary>How an answer travels back in the form: <c>offset:+01:00</c> or <c>local:2027-03-28T03:30</c>.</summary>
    public static string Value(LocalTimeChoice choice) => choice.Offset is { } offset
        ? "offset:" + ScheduleTime.Offset(offset)
        : "local:" + choice.Local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an answer (<see cref="Value"/>) back: a local time that replaces the one asked about, or the offset that says
    /// which of a time happening twice is meant; nothing when the answer is not one.
    /// </summary>
    public static (string? Local, TimeSpan? Offset) Parse(string? answer)
    {
        if (answer is null)
        {
            return (null, null);
        }

        if (answer.StartsWith("local:", StringComparison.Ordinal))
        {
            return (answer["local:".Length..], null);
        }

        return answer.StartsWith("offset:", StringComparison.Ordinal) && answer.Length == "offset:+00:00".Length
            && TimeSpan.TryParseExact(answer["offset:+".Length..], @"hh\:mm", System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? (null, answer["offset:".Length] == '-' ? -parsed : parsed)
            : (null, null);
    }
}
