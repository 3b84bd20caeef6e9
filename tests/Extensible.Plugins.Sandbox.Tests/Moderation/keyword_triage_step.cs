using Extensible.Plugins.Sandbox.Moderation;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Sandbox.Tests.Moderation;

public sealed class keyword_triage_step
{
    [Fact]
    public async Task abuse_is_escalated_and_hidden_and_threats_are_urgent()
    {
        var insult = await DecideAsync("Your support team are useless morons.");
        var threat = await DecideAsync("I know where your office is. Watch yourselves.");

        Assert.Equal(["abuse"], insult.Labels);
        Assert.True(insult.Escalate && insult.Hide);
        Assert.Equal(InboxPriority.High, insult.Priority);
        Assert.Equal(["abuse", "threat"], threat.Labels);
        Assert.Equal(InboxPriority.Urgent, threat.Priority);
        Assert.True(threat.StopProcessing);
    }

    [Fact]
    public async Task spam_is_hidden_at_low_priority()
    {
        var spam = await DecideAsync("Congrats! FREE iPhone 🎁 claim it now at http://free-prizes.example/claim");

        Assert.Equal(["spam"], spam.Labels);
        Assert.True(spam.Hide);
        Assert.False(spam.Escalate);
        Assert.Equal(InboxPriority.Low, spam.Priority);
    }

    [Fact]
    public async Task complaints_are_raised_and_legal_threats_are_urgent_and_escalated()
    {
        var complaint = await DecideAsync("I was charged twice and nobody answers. I want a refund.");
        var legal = await DecideAsync("Where is my refund? Talking to my lawyer next.");

        Assert.Equal(["complaint"], complaint.Labels);
        Assert.Equal(InboxPriority.High, complaint.Priority);
        Assert.False(complaint.Escalate || complaint.Hide);
        Assert.Equal(InboxPriority.Urgent, legal.Priority);
        Assert.True(legal.Escalate);
    }

    [Fact]
    public async Task questions_and_praise_are_labelled_and_small_talk_is_left_alone()
    {
        var question = await DecideAsync("Do you ship to Canada?");
        var praise = await DecideAsync("Love the new lamp, thank you!");
        var smallTalk = await DecideAsync("ok");

        Assert.Equal(["question"], question.Labels);
        Assert.Equal(["praise"], praise.Labels);
        Assert.Equal(InboxPriority.Low, praise.Priority);
        Assert.Same(ModerationDecision.None, smallTalk);
    }

    [Fact]
    public async Task items_from_real_networks_are_left_alone()
    {
        var step = new KeywordTriageStep();
        var mastodon = SandboxProfile.Profile with { Key = "mastodon", DisplayName = "Mastodon", IsSandbox = false };

        var decision = await step.DecideAsync(Input(mastodon, "Delete your account, idiot."), CancellationToken.None);

        Assert.Same(ModerationDecision.None, decision);
        Assert.Equal("sandbox-keyword-triage", step.Info.Key);
    }

    private static Task<ModerationDecision> DecideAsync(string text) =>
        new KeywordTriageStep().DecideAsync(Input(SandboxProfile.Profile, text), CancellationToken.None);

    private static ModerationInput Input(PlatformProfile platform, string text) => new()
    {
        WorkspaceId = "w",
        Platform = platform,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Item = new InboxItem
        {
            PlatformItemId = "i1",
            Kind = InboxItemKind.Comment,
            Author = new InboxAuthor { PlatformUserId = "u1", Handle = "@u1" },
            Text = text,
            CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };
}
