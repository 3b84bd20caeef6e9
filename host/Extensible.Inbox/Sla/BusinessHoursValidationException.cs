namespace Extensible.Inbox.Sla;

/// <summary>Business hours that cannot be used, with a sentence per field (<c>intervals[1].closes</c>, <c>closedDates[0]</c>, …).</summary>
public sealed class BusinessHoursValidationException(IDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>What is wrong, by field.</summary>
    public IDictionary<string, string[]> Errors { get; } = errors;
}
