using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Rules;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;

namespace Extensible.Plugins.Sandbox.Tests.Rules;

public sealed class banned_words_rule
{
    [Theory]
    [InlineData("Our new serum is a MIRACLE CURE!", RuleOutcome.Block)]
    [InlineData("Guaranteed returns, risk-free.", RuleOutcome.Block)]
    [InlineData("Secure checkout, no risk for you.", RuleOutcome.Pass)]
    [InlineData("Read more at http://example.com", RuleOutcome.Warn)]
    [InlineData("Read more at https://example.com", RuleOutcome.Pass)]
    public async Task sandbox_drafts_are_checked_for_banned_words_and_plain_http_links(string text, RuleOutcome expected)
    {
        using var harness = SandboxHarness.Create();
        var rule = new BannedWordsRule(harness.Context);

        var verdict = await rule.EvaluateAsync(Draft(SandboxProfile.Profile, text), CancellationToken.None);

        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal(expected != RuleOutcome.Pass, verdict.Messages.Count > 0);
        Assert.Null(verdict.RewrittenText);
    }

    [Fact]
    public async Task thread_parts_and_the_first_comment_are_checked_and_the_words_come_from_the_settings()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { BannedWords = "synergy, ,  disrupt " });
        var rule = new BannedWordsRule(harness.Context);

        var inThread = await rule.EvaluateAsync(Draft(SandboxProfile.Profile, "1/2") with { ThreadParts = ["We disrupt."] }, CancellationToken.None);
        var inComment = await rule.EvaluateAsync(Draft(SandboxProfile.Profile, "Hi") with { FirstComment = "#Synergy" }, CancellationToken.None);
        var oldDefault = await rule.EvaluateAsync(Draft(SandboxProfile.Profile, "A miracle cure"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Block, inThread.Outcome);
        Assert.Contains("disrupt", Assert.Single(inThread.Messages), StringComparison.Ordinal);
        Assert.Equal(RuleOutcome.Block, inComment.Outcome);
        Assert.Equal(RuleOutcome.Pass, oldDefault.Outcome);
    }

    [Fact]
    public async Task drafts_for_real_networks_are_left_alone()
    {
        using var harness = SandboxHarness.Create();
        var rule = new BannedWordsRule(harness.Context);
        var mastodon = SandboxProfile.Profile with { Key = "mastodon", DisplayName = "Mastodon", IsSandbox = false };

        var verdict = await rule.EvaluateAsync(Draft(mastodon, "A miracle cure at http://example.com"), CancellationToken.None);

        Assert.Equal(RuleOutcome.Pass, verdict.Outcome);
        Assert.Equal("sandbox-banned-words", rule.Info.Key);
    }

    private static ContentDraft Draft(PlatformProfile target, string text) => new() { WorkspaceId = "w", Target = target, Text = text };
}
