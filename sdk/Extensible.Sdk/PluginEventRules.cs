using System.Text.Json;
using System.Text.RegularExpressions;

namespace Extensible.Sdk;

/// <summary>
/// The rules an event a plugin records with <see cref="Storage.IPluginEvents.RecordAsync"/> must keep, written once: the
/// host refuses an event that breaks them, and the test kit's recorded events apply the same methods, so an event the
/// kit accepts is one the host stores. Each method returns <see langword="null"/> when the value is acceptable, or the
/// problem in words.
/// </summary>
public static partial class PluginEventRules
{
    /// <summary>The longest event type accepted (the host stores it behind the plugin's id: <c>acme.hello.webhook_rejected</c>).</summary>
    public const int MaxTypeLength = 100;

    /// <summary>
    /// The event's type: lower_snake_case, that is lower-case letters and digits in parts joined by single underscores,
    /// starting with a letter, at most <see cref="MaxTypeLength"/> characters (<c>webhook_rejected</c>). Name the fact, in
    /// the past tense. The host prefixes it with the plugin's id, so it need not be unique beyond the plugin.
    /// </summary>
    /// <param name="type">The type as the plugin gives it.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Type(string? type) =>
        type is not null && type.Length <= MaxTypeLength && SnakeCase().IsMatch(type)
            ? null
            : $"An event type is lower_snake_case (letters and digits joined by single underscores, starting with a letter, at most {MaxTypeLength} characters, like webhook_rejected); '{type}' is not.";

    /// <summary>The event's data: one JSON object (<c>{"id":"p-1"}</c>), serialized by the plugin with its own options.</summary>
    /// <param name="json">The data as the plugin gives it.</param>
    /// <returns><see langword="null"/> when acceptable; otherwise the problem.</returns>
    public static string? Data(string? json)
    {
        if (json is null)
        {
            return "An event's data is a JSON object; there is none.";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : $"An event's data is a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
        }
        catch (JsonException exception)
        {
            return $"An event's data is a JSON object; this is not JSON: {exception.Message}";
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
