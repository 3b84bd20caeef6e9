using Extensible.Sdk.Content;
using Extensible.Sdk.Testing;
using Extensible.Sdk.Testing.Settings;

namespace Acme.Hello.Tests;

public sealed class AllCapsRuleTests
{
    [Fact]
    public async Task warns_on_a_draft_in_capitals()
    {
        using var harness = PluginHarness.Create<Plugin>();

        var verdict = await harness.ContentRule("all-caps").EvaluateAsync(Samples.Draft("BIG NEWS: WE ARE LIVE TODAY"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Warn, verdict.Outcome);
        Assert.Contains("capital letters", Assert.Single(verdict.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task passes_a_calm_draft()
    {
        using var harness = PluginHarness.Create<Plugin>();

        var verdict = await harness.ContentRule("all-caps").EvaluateAsync(Samples.Draft("Big news: we are live today with NASA"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public async Task blocks_when_the_operator_asks_it_to()
    {
        using var harness = PluginHarness.Create<Plugin>(new AllCapsSettings { Block = true });

        var verdict = await harness.ContentRule("all-caps").EvaluateAsync(Samples.Draft("BIG NEWS: WE ARE LIVE TODAY"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Block, verdict.Outcome);
    }

    [Fact]
    public void refuses_settings_the_console_would_refuse()
    {
        var problem = Assert.Throws<PluginSettingsException>(() => PluginHarness.Create<Plugin>(new AllCapsSettings { CapitalShare = 2 }));

        Assert.Contains(problem.Problems, p => p.MemberNames.Contains(nameof(AllCapsSettings.CapitalShare)));
    }
}
