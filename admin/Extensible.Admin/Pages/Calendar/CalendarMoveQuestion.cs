using Extensible.Publishing.Scheduling;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>
/// A post dropped on a local time that does not exist or happens twice (daylight saving): the details ask which is
/// meant, with one button per answer that moves it there; nothing moved until then.
/// </summary>
/// <param name="Question">What is asked, in words.</param>
/// <param name="Date">The day it was dropped on (<c>yyyy-MM-dd</c>).</param>
/// <param name="Hour">The hour it was dropped on, when the view has hours.</param>
/// <param name="Choices">The possible answers.</param>
public sealed record CalendarMoveQuestion(string Question, string Date, int? Hour, IReadOnlyList<LocalTimeChoice> Choices);
