namespace Extensible.People;

/// <summary>
/// The one rule for a text a list is filtered by (the audit trail's event type and person), in the console and the API
/// alike: blank is no filter; control characters — PostgreSQL stores no NUL — and overlong texts are refused.
/// </summary>
public static class SearchFilter
{
    /// <summary>The filter, trimmed, or <see langword="null"/> when blank.</summary>
    /// <exception cref="PeopleValidationException">Longer than <paramref name="max"/> or with control characters.</exception>
    public static string? Parse(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > max || !Input.IsPlainText(text))
        {
            throw new PeopleValidationException(field, $"{field} must be at most {max} characters without control characters.");
        }

        return text;
    }
}
