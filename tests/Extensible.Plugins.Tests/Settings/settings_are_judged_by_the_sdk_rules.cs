using Extensible.Plugins.Loading;
using Extensible.Plugins.Settings;
using Extensible.Testing;
using Extensible.Testing.Settings;

namespace Extensible.Plugins.Tests.Settings;

/// <summary>The host loads settings classes and validates settings by the SDK's rules: the same cases the test kit is held to.</summary>
public sealed class settings_are_judged_by_the_sdk_rules
{
    [Theory]
    [MemberData(nameof(SettingsCases.Classes), MemberType = typeof(SettingsCases))]
    public void the_host_loads_exactly_the_settings_classes_the_kit_accepts(string @case, Type settingsType, string? problem)
    {
        var refused = Record.Exception(() => PluginLoader.CheckSettings(settingsType));

        RuleCase.Judged<PluginLoadException>(@case, refused, problem);
    }

    [Theory]
    [MemberData(nameof(SettingsCases.Validations), MemberType = typeof(SettingsCases))]
    public void the_host_finds_exactly_the_problems_the_kit_finds(string @case)
    {
        var (settings, invalid) = SettingsCases.Validation(@case);

        Assert.Equal(invalid, SettingsSchema.Validate(settings).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void every_supported_type_has_a_field()
    {
        var form = PluginSettingsStore.Describe("acme.typed", typeof(EverySupportedType), new Dictionary<string, string?>());

        Assert.Equal(
            ["Text", "On", "Whole", "Big", "Ratio", "Share", "Money", "Every", "Site", "Day", "MaybeWhole", "MaybeEvery", "MaybeDay", "ApiKey"],
            form.Fields.Select(f => f.Name));
    }
}
