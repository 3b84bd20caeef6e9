using System.Globalization;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;

namespace Extensible.Host.Api;

/// <summary>Reads the posts API's words (local times, offsets, decisions) into the module's types, refusing what does not parse.</summary>
internal static class PostsApiInput
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static LocalDueTime DueTime(ScheduleRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.LocalTime)
            || !DateTime.TryParseExact(request.LocalTime.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new PostValidationException("localTime", "Give the local time as 2027-03-28T09:30 (no offset: the zone says it).");
        }

        return new LocalDueTime(local, string.IsNullOrWhiteSpace(request.TimeZone) ? null : request.TimeZone, Offset(request.Offset));
    }

    public static TargetDecision Decision(string? decision) => decision switch
    {
        "send_again" => TargetDecision.SendAgain,
        "mark_sent" => TargetDecision.MarkSent,
        "drop" => TargetDecision.Drop,
        _ => throw new PostValidationException("decision", "Decide send_again, mark_sent or drop."),
    };

    public static LocalTimeChoiceResponse Choice(LocalTimeChoice choice) => new(
        choice.Label, new LocalDueTime(choice.Local).LocalText, choice.Offset is { } o ? ScheduleTime.Offset(o) : null, choice.Instant);

    private static TimeSpan? Offset(string? offset)
    {
        if (string.IsNullOrWhiteSpace(offset))
        {
            return null;
        }

        var text = offset.Trim();
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        if (text.Length == 6 && text[0] is '+' or '-' && text[3] == ':'
            && int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && hours <= 14 && minutes < 60)
        {
            var span = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? -span : span;
        }

        throw new PostValidationException("offset", "Give the offset as +02:00 or -05:00.");
    }
}
