using Extensible.Admin.Live;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>What the calendar's handlers answer: the details panel, the post's chip in its place, and a toast if any.</summary>
/// <param name="Details">The panel.</param>
/// <param name="Push">The chip, moved out of band, after an action.</param>
/// <param name="Notice">What happened, or why not.</param>
public sealed record CalendarDetailsAnswer(CalendarDetails Details, CalendarPush? Push, Toast? Notice);
