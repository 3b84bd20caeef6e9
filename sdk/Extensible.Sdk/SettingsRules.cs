using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace Extensible.Sdk;

/// <summary>
/// The rules for a plugin's settings class (<see cref="IPluginBuilder.UseSettings{TSettings}"/>), written once: the host
/// refuses to load a plugin whose settings class breaks them and validates every save with <see cref="Validate"/>, and
/// the test kit applies the same methods, so settings the kit accepts are settings the host accepts.
/// </summary>
/// <remarks>
/// The settings are the class's public read-write instance properties, in declaration order. Each is a
/// <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/>,
/// <see cref="double"/>, <see cref="decimal"/>, <see cref="TimeSpan"/>, <see cref="Uri"/> or an enum, or a nullable
/// one of these: the types the console can render a field for and store as text. A <see cref="SecretAttribute"/>
/// property is a string. Nothing here caches the plugin's types (the framework's <c>Validator</c> does, and would keep
/// an uninstalled plugin in memory).
/// </remarks>
public static class SettingsRules
{
    /// <summary>The property types a setting may have, besides enums and the nullable forms of the value types.</summary>
    public static IReadOnlyList<Type> SupportedTypes { get; } =
        [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal), typeof(TimeSpan), typeof(Uri)];

    /// <summary>Whether a setting may have the type <paramref name="propertyType"/>.</summary>
    /// <param name="propertyType">A property's type.</param>
    /// <returns><see langword="true"/> for a type in <see cref="SupportedTypes"/>, an enum, or a nullable one of these.</returns>
    public static bool IsSupported(Type propertyType)
    {
        ArgumentNullException.ThrowIfNull(propertyType);
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        return type.IsEnum || SupportedTypes.Contains(type);
    }

    /// <summary>The settings of a settings class: its public read-write instance properties (no indexers), in declaration order.</summary>
    /// <param name="settingsType">The settings class.</param>
    /// <returns>The properties, supported or not (<see cref="Class"/> names those that are not).</returns>
    public static IReadOnlyList<PropertyInfo> Properties(Type settingsType)
    {
        ArgumentNullException.ThrowIfNull(settingsType);
        return [.. settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)];
    }

    /// <summary>
    /// Checks a settings class: every setting (<see cref="Properties"/>) of a supported type (<see cref="IsSupported"/>),
    /// every <see cref="SecretAttribute"/> on a string. A class that breaks this is an error, never silently shortened:
    /// the host does not load the plugin and says why, and the test kit's harness throws with the same words.
    /// </summary>
    /// <param name="settingsType">The settings class.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise every problem, in one text.</returns>
    public static string? Class(Type settingsType)
    {
        var problems = new List<string>();
        foreach (var property in Properties(settingsType))
        {
            if (!IsSupported(property.PropertyType))
            {
                problems.Add($"'{property.Name}' is a {Describe(property.PropertyType)}, which is not a setting type");
            }
            else if (IsSecret(property) && property.PropertyType != typeof(string))
            {
                problems.Add($"'{property.Name}' is [Secret] but a {Describe(property.PropertyType)}; a secret is a string");
            }
        }

        return problems.Count == 0
            ? null
            : $"The settings class {settingsType.Name} is not supported: {string.Join("; ", problems)}. A setting is a string, bool, int, long, float, double, decimal, TimeSpan, Uri or enum, or a nullable one of these.";
    }

    /// <summary>Whether a setting is marked <see cref="SecretAttribute"/>.</summary>
    /// <param name="property">A setting.</param>
    /// <returns><see langword="true"/> for a secret.</returns>
    public static bool IsSecret(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<SecretAttribute>() is not null;
    }

    /// <summary>A setting's label, as the console shows it and validation messages name it: <c>[Display(Name)]</c>, else the property's name in words (<c>ApiBaseUrl</c> → <c>Api base url</c>).</summary>
    /// <param name="property">A setting.</param>
    /// <returns>The label.</returns>
    public static string Label(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? Words(property.Name);
    }

    /// <summary>
    /// Validates settings as the host does before it saves them: every <see cref="ValidationAttribute"/> of every setting
    /// and of the class; then, when those found nothing, <see cref="IValidatableObject.Validate"/>. A value an attribute
    /// cannot even compare (<c>1e308</c> against <c>[Range(0, 100)]</c> on a double) is a problem, not an exception.
    /// </summary>
    /// <param name="settings">An instance of the settings class.</param>
    /// <returns>Each problem, with the settings it concerns; empty when the settings are valid.</returns>
    public static IReadOnlyList<ValidationResult> Validate(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<ValidationResult>();
        foreach (var property in Properties(settings.GetType()))
        {
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = Label(property) };
            problems.AddRange(property.GetCustomAttributes<ValidationAttribute>().Select(a => Check(a, value, context)).OfType<ValidationResult>());
        }

        var whole = new ValidationContext(settings);
        problems.AddRange(settings.GetType().GetCustomAttributes<ValidationAttribute>().Select(a => Check(a, settings, whole)).OfType<ValidationResult>());
        if (problems.Count == 0 && settings is IValidatableObject validatable)
        {
            problems.AddRange(validatable.Validate(whole).Where(r => r != ValidationResult.Success));
        }

        return problems;
    }

    private static ValidationResult? Check(ValidationAttribute attribute, object? value, ValidationContext context)
    {
        try
        {
            return attribute.GetValidationResult(value, context);
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException or ArgumentException)
        {
            return new ValidationResult($"{context.DisplayName} is not a value this setting accepts.", context.MemberName is { } member ? [member] : []);
        }
    }

    private static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Describe(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;

    private static string Words(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}
