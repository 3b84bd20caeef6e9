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
}
