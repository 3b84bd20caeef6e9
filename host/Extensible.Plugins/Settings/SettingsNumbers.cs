using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Extensible.Sdk;

namespace Extensible.Plugins.Settings;

/// <summary>
/// The one rule for number settings, shared by the console's form and the API: invariant text of a finite number that
/// fits the property's type and its <c>[Range]</c>. <c>NaN</c>, <c>Infinity</c>, <c>1e308</c> for an <c>int</c>, a huge
/// integer or a fraction for a whole number are refused with the bounds named; <c>-0</c> is stored as <c>0</c>.
/// </summary>
internal static class SettingsNumbers
{
    public static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    /// <summary>Parses <paramref name="text"/> (trimmed, not blank) into <paramref name="type"/> within the property's bounds.</summary>
    public static bool TryParse(PropertyInfo property, Type type, string text, out object? value)
    {
        value = null;
        var invariant = CultureInfo.InvariantCulture;
        object? parsed = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d + 0.0 : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out var f) && float.IsFinite(f) ? f + 0f : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? m : null,
            _ => null,
        };
        if (parsed is null || !WithinRange(property, parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>"Repeat times must be a whole number between 1 and 10."</summary>
    public static string Refusal(PropertyInfo property, Type type)
    {
        var (minimum, maximum) = Bounds(property, type);
        var whole = type == typeof(int) || type == typeof(long);
        return $"{SettingsRules.Label(property)} must be a {(whole ? "whole " : "")}number between {minimum} and {maximum}.";
    }

    // The [Range] when it can be read as numbers, else the type's own limits.
    private static (string Minimum, string Maximum) Bounds(PropertyInfo property, Type type)
    {
        if (RangeOf(property) is { } range)
        {
            return (Format(range.Minimum), Format(range.Maximum));
        }

        return type switch
        {
            _ when type == typeof(int) => (Format(int.MinValue), Format(int.MaxValue)),
            _ when type == typeof(long) => (Format(long.MinValue), Format(long.MaxValue)),
            _ when type == typeof(float) => (Format(float.MinValue), Format(float.MaxValue)),
            _ when type == typeof(decimal) => (Format(decimal.MinValue), Format(decimal.MaxValue)),
            _ => (Format(double.MinValue), Format(double.MaxValue)),
        };
    }

    private static bool WithinRange(PropertyInfo property, object value)
    {
        if (RangeOf(property) is not { } range)
        {
            return true;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return number >= range.Minimum && number <= range.Maximum;
    }

    // A [Range] whose bounds are numbers (or number text); a range of another kind is left to its attribute.
    private static (double Minimum, double Maximum)? RangeOf(PropertyInfo property)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is not { } range)
        {
            return null;
        }

        return AsNumber(range.Minimum) is { } minimum && AsNumber(range.Maximum) is { } maximum ? (minimum, maximum) : null;
    }

    private static double? AsNumber(object? bound) => bound switch
    {
        int i => i,
        long l => l,
        double d when !double.IsNaN(d) => d,
        float f when !float.IsNaN(f) => f,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) => d,
        _ => null,
    };

    private static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
