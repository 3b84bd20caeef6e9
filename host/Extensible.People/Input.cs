using System.Net.Mail;

namespace Extensible.People;

/// <summary>Checks people's input before anything is stored.</summary>
internal static class Input
{
    public static string Email(string? value)
    {
        var email = Text(value, "Email", 254);
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Contains(' ', StringComparison.Ordinal))
        {
            throw new PeopleValidationException("Email", "Enter an email address like name@example.com.");
        }

        return email;
    }

    public static string Name(string? value, string field, int max = 100) => Text(value, field, max);

    public static string Password(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 10)
        {
            throw new PeopleValidationException("Password", "Use a password of at least 10 characters.");
        }

        if (value.Length > 256)
        {
            throw new PeopleValidationException("Password", "Use a password of at most 256 characters.");
        }

        return value;
    }

    private static string Text(string? value, string field, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new PeopleValidationException(field, $"{field} is required.");
        }

        if (text.Length > max)
        {
            throw new PeopleValidationException(field, $"{field} must be at most {max} characters.");
        }

        if (!IsPlainText(text))
        {
            throw new PeopleValidationException(field, $"{field} must not contain control characters.");
        }

        return text;
    }

    /// <summary>No control characters (PostgreSQL stores no NUL) and no lone surrogates (which are not text at all).</summary>
    public static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                return false;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
