using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Extensible.Sdk;

namespace Extensible.Plugins.Settings;

/// <summary>
/// Describes and binds a plugin's settings class by reflection alone, keeping no cache keyed by the plugin's types.
/// Which properties are settings, which types they may have and how they are validated is the SDK's
/// <see cref="SettingsRules"/>: a plugin whose settings class breaks it is not loaded, so every setting here has a kind.
/// </summary>
internal static class SettingsSchema
{
    public static SettingsFieldKind? KindOf(PropertyInfo property)
    {
        if (SettingsRules.IsSecret(property))
        {
            return property.PropertyType == typeof(string) ? SettingsFieldKind.Secret : null;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var dataType = property.GetCustomAttribute<DataTypeAttribute>()?.DataType;
        return type switch
        {
            _ when type == typeof(bool) => SettingsFieldKind.Toggle,
            _ when type.IsEnum => SettingsFieldKind.Choice,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) || type == typeof(float) => SettingsFieldKind.Number,
            _ when type == typeof(Uri) => SettingsFieldKind.Url,
            _ when type == typeof(string) && (dataType == DataType.Url || property.GetCustomAttribute<UrlAttribute>() is not null) => SettingsFieldKind.Url,
            _ when type == typeof(string) && (dataType == DataType.EmailAddress || property.GetCustomAttribute<EmailAddressAttribute>() is not null) => SettingsFieldKind.Email,
            _ when type == typeof(string) && dataType == DataType.MultilineText => SettingsFieldKind.MultilineText,
            _ when type == typeof(string) => SettingsFieldKind.Text,
            _ when type == typeof(TimeSpan) => SettingsFieldKind.Text,
            _ => null,
        };
    }

    public static SettingsField Describe(PropertyInfo property, string? value, bool isSet)
    {
        var display = property.GetCustomAttribute<DisplayAttribute>();
        var range = property.GetCustomAttribute<RangeAttribute>();
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var kind = KindOf(property)!.Value;
        return new SettingsField
        {
            Name = property.Name,
            Label = SettingsRules.Label(property),
            Description = display?.GetDescription() ?? property.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Kind = kind,
            Required = property.GetCustomAttribute<RequiredAttribute>() is not null,
            Value = kind == SettingsFieldKind.Secret ? null : value,
            IsSet = isSet,
            Choices = type.IsEnum ? Enum.GetNames(type) : [],
            Minimum = range is null ? null : Convert.ToString(range.Minimum, CultureInfo.InvariantCulture),
            Maximum = range is null ? null : Convert.ToString(range.Maximum, CultureInfo.InvariantCulture),
            MaxLength = property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? property.GetCustomAttribute<MaxLengthAttribute>()?.Length,
        };
    }

    /// <summary>A property's value as invariant text.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Parses invariant text into a property's type; returns the reason when it does not fit.</summary>
    public static bool TryParse(PropertyInfo property, string? text, out object? value, out string? error)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var nullable = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
        error = null;
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (type == typeof(bool))
            {
                value = false;
                return true;
            }

            if (nullable)
            {
                value = type == typeof(string) ? (text is null ? null : "") : null;
                return true;
            }

            error = "A value is needed.";
            return false;
        }

        text = text.Trim();
        if (!IsStorableText(text, multiline: KindOf(property) == SettingsFieldKind.MultilineText))
        {
            // PostgreSQL stores no NUL, and a lone surrogate is not text: refused here rather than failing at the database.
            error = "Must not contain control characters or broken characters.";
            return false;
        }

        var invariant = CultureInfo.InvariantCulture;
        bool ok;
        (ok, value) = type switch
        {
            _ when type == typeof(string) => (true, text),
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? (true, b) : text is "on" ? (true, true) : (false, null),
            _ when SettingsNumbers.IsNumber(type) => SettingsNumbers.TryParse(property, type, text, out var number) ? (true, number) : (false, null),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(text, invariant, out var t) ? (true, t) : (false, null),
            _ when type == typeof(Uri) => Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? (true, u) : (false, null),
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name ? (true, Enum.Parse(type, name)) : (false, null),
            _ => (false, null),
        };
        if (!ok)
        {
            error = type switch
            {
                _ when type == typeof(bool) => "Must be true or false.",
                _ when type.IsEnum => $"Must be one of: {string.Join(", ", Enum.GetNames(type))}.",
                _ when type == typeof(Uri) => "Must be an absolute http or https address.",
                _ when type == typeof(TimeSpan) => "Must be a duration like 00:05:00.",
                _ when SettingsNumbers.IsNumber(type) => SettingsNumbers.Refusal(property, type),
                _ => "Must be a number.",
            };
        }

        return ok;
    }

    // Line breaks and tabs only in several lines of text; no other control character, no lone surrogate anywhere.
    private static bool IsStorableText(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The SDK's validation of the settings (<see cref="SettingsRules.Validate"/>), as messages per setting; the empty string keys those about the whole object.</summary>
    public static Dictionary<string, List<string>> Validate(object settings)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var problem in SettingsRules.Validate(settings))
        {
            foreach (var member in problem.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, member, problem.ErrorMessage ?? "Not valid.");
            }
        }

        return errors;
    }

    public static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
