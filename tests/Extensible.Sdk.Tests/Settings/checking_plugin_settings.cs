using Extensible.Sdk.Testing;
using Extensible.Sdk.Testing.Settings;
using Extensible.Sdk.Tests.Support;
using Extensible.Testing;
using Extensible.Testing.Settings;

namespace Extensible.Sdk.Tests.Settings;

public sealed class checking_plugin_settings
{
    [Theory]
    [MemberData(nameof(SettingsCases.Classes), MemberType = typeof(SettingsCases))]
    public void the_kit_accepts_exactly_the_settings_classes_the_host_loads(string @case, Type settingsType, string? problem)
    {
        var plugin = (IPlugin)Activator.CreateInstance(typeof(SettingsPlugin<>).MakeGenericType(settingsType))!;

        var refused = Record.Exception(() => PluginHarness.Create(plugin).Dispose());

        RuleCase.Judged<InvalidOperationException>(@case, refused, problem);
    }

    [Theory]
    [MemberData(nameof(SettingsCases.Validations), MemberType = typeof(SettingsCases))]
    public void the_kit_finds_exactly_the_problems_the_host_finds(string @case)
    {
        var (settings, invalid) = SettingsCases.Validation(@case);

        var problems = PluginSettings.Validate(settings);

        Assert.Equal(invalid, problems.SelectMany(p => p.MemberNames).Distinct().Order(StringComparer.Ordinal));
    }
}
