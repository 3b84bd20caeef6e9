using Xunit;

namespace Extensible.Testing.Settings;

/// <summary>
/// The settings classes and values the host (<c>PluginLoader</c>, <c>SettingsSchema</c>) and the plugin test kit
/// (<c>PluginHarness</c>, <c>PluginSettings</c>) are both tested against: the rules are the SDK's <c>SettingsRules</c>,
/// and one table keeps the two from drifting apart.
/// </summary>
public static class SettingsCases
{
    private static readonly Dictionary<string, (CampaignSettings Settings, string[] Invalid)> Values = new(StringComparer.Ordinal)
    {
        ["the defaults"] = (new(), []),
        ["a required setting empty"] = (new() { Campaign = "" }, ["Campaign"]),
        ["a required secret missing"] = (new() { ApiKey = null! }, ["ApiKey"]),
        ["a number out of its range"] = (new() { Level = 11 }, ["Level"]),
        ["a number its range cannot compare"] = (new() { Share = 1e308 }, ["Share"]),
        ["not a url"] = (new() { Site = "not a url" }, ["Site"]),
        ["an absolute url"] = (new() { Site = "https://acme.test/" }, []),
        ["not an email address"] = (new() { Contact = "nobody" }, ["Contact"]),
        ["text too short"] = (new() { Tag = "x" }, ["Tag"]),
        ["several problems at once"] = (new() { Campaign = "", Level = 0, Tag = new string('t', 21) }, ["Campaign", "Level", "Tag"]),
        ["the class's own check"] = (new() { Level = 9 }, ["Level", "Tag"]),
        ["the class's own check waits for the attributes"] = (new() { Level = 9, Site = "not a url" }, ["Site"]),
    };

    /// <summary>Each case: what it is, the settings class, and the problem's start (<see langword="null"/> when the class is accepted).</summary>
    public static TheoryData<string, Type, string?> Classes { get; } = new()
    {
        { "every supported type", typeof(EverySupportedType), null },
        { "the validated settings", typeof(CampaignSettings), null },
        { "a list", typeof(WithAList), "The settings class WithAList is not supported: 'Tags' is a List<String>, which is not a setting type." },
        { "a date", typeof(WithADate), "The settings class WithADate is not supported: 'Start' is a DateTime, which is not a setting type." },
        { "a nested class", typeof(WithANestedClass), "The settings class WithANestedClass is not supported: 'Inner' is a WithADate, which is not a setting type." },
        { "a secret number", typeof(WithANumberSecret), "The settings class WithANumberSecret is not supported: 'Pin' is [Secret] but a Int32; a secret is a string." },
        { "two problems", typeof(WithTwoProblems), "The settings class WithTwoProblems is not supported: 'Id' is a Guid, which is not a setting type; 'Letter' is a Char?, which is not a setting type." },
    };

    /// <summary>The names of the validation cases (<see cref="Validation"/>).</summary>
    public static TheoryData<string> Validations { get; } = [.. Values.Keys];

    /// <summary>A validation case: settings, and the settings their validation must find invalid (in order of name).</summary>
    /// <param name="name">One of <see cref="Validations"/>.</param>
    /// <returns>The case.</returns>
    public static (CampaignSettings Settings, string[] Invalid) Validation(string name) => Values[name];
}
