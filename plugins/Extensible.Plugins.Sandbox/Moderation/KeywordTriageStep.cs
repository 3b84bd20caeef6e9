using Extensible.Sdk;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Sandbox.Moderation;

/// <summary>
/// A sample moderation step that triages sandbox items by keywords: abuse is escalated, spam hidden, complaints labelled
/// and raised (urgent when a lawyer or chargeback is mentioned), questions and praise labelled. Items from real networks
/// pass untouched, since the sandbox ships with every installation.
/// </summary>
public sealed class KeywordTriageStep : IModerationStep
{
    private static readonly string[] AbuseWords = ["idiot", "moron", "clown", "stupid", "know where your", "watch yourselves", "hope you go bankrupt"];
    private static readonly string[] ThreatWords = ["know where your", "watch yourselves"];
    private static readonly string[] SpamWords = ["giveaway", "free iphone", "followers fast", "crypto", "earn $", "click http", "claim it now", "100x"];
    private static readonly string[] ComplaintWords = ["refund", "charged twice", "hasn't arrived", "never arrived", "broke", "crashing", "terrible", "disappointed", "hung up"];
    private static readonly string[] UrgentWords = ["lawyer", "legal action", "chargeback", "sue "];
    private static readonly string[] PraiseWords = ["love", "thank", "great", "best", "gracias", "danke", "ありがとう"];

    /// <inheritdoc />
    public CapabilityInfo Info { get; } = new(
        "sandbox-keyword-triage",
        "Sandbox: keyword triage",
        "Labels and prioritizes sandbox items by keywords: escalates abuse, hides spam, raises complaints, labels questions and praise.");

    /// <inheritdoc />
    public Task<ModerationDecision> DecideAsync(ModerationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(input.Platform.IsSandbox ? Decide(input.Item.Text) : ModerationDecision.None);
    }

    private static ModerationDecision Decide(string text)
    {
        if (Has(text, AbuseWords))
        {
            var threat = Has(text, ThreatWords);
            return new ModerationDecision
            {
                Labels = threat ? ["abuse", "threat"] : ["abuse"],
                Priority = threat ? InboxPriority.Urgent : InboxPriority.High,
                Escalate = true,
                Hide = true,
                Reason = threat ? "Sandbox triage: a threat." : "Sandbox triage: insults.",
                StopProcessing = threat,
            };
        }

        if (Has(text, SpamWords))
        {
            return new ModerationDecision { Labels = ["spam"], Priority = InboxPriority.Low, Hide = true, Reason = "Sandbox triage: looks like spam." };
        }

        if (Has(text, ComplaintWords))
        {
            var urgent = Has(text, UrgentWords);
            return new ModerationDecision
            {
                Labels = ["complaint"],
                Priority = urgent ? InboxPriority.Urgent : InboxPriority.High,
                Escalate = urgent,
                Reason = urgent ? "Sandbox triage: a complaint mentioning legal steps." : "Sandbox triage: a complaint.",
            };
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            return new ModerationDecision { Labels = ["question"], Priority = InboxPriority.Normal, Reason = "Sandbox triage: a question." };
        }

        return Has(text, PraiseWords)
            ? new ModerationDecision { Labels = ["praise"], Priority = InboxPriority.Low, Reason = "Sandbox triage: praise." }
            : ModerationDecision.None;
    }

    private static bool Has(string text, string[] words) => words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
