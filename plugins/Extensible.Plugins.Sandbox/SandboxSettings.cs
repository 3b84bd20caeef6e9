using System.ComponentModel.DataAnnotations;
using Extensible.Plugins.Sandbox.Webhooks;
using Extensible.Sdk;

namespace Extensible.Plugins.Sandbox;

/// <summary>How the sandbox network behaves: how busy its inbox is, what people write, and how often it fails.</summary>
public sealed class SandboxSettings : IValidatableObject
{
    /// <summary>New inbox items per minute for each connected account (0 stops the traffic).</summary>
    [Display(Name = "Inbox items per minute", Description = "New comments, mentions and direct messages per minute for each sandbox account. 0 stops the traffic.")]
    [Range(0, 600)]
    public double ItemsPerMinute { get; set; } = 4;

    /// <summary>Weight of comments on the account's posts among new items.</summary>
    [Display(Name = "Share of comments", Description = "Relative weight of comments on the account's posts.")]
    [Range(0, 100)]
    public int CommentWeight { get; set; } = 60;

    /// <summary>Weight of public mentions among new items.</summary>
    [Display(Name = "Share of mentions", Description = "Relative weight of public mentions of the account.")]
    [Range(0, 100)]
    public int MentionWeight { get; set; } = 25;

    /// <summary>Weight of direct messages among new items.</summary>
    [Display(Name = "Share of direct messages", Description = "Relative weight of private messages to the account.")]
    [Range(0, 100)]
    public int DirectMessageWeight { get; set; } = 15;

    /// <summary>Weight of questions among the texts people write.</summary>
    [Display(Name = "Questions", Description = "Relative weight of questions (opening hours, shipping, how-to).")]
    [Range(0, 100)]
    public int QuestionWeight { get; set; } = 30;

    /// <summary>Weight of praise.</summary>
    [Display(Name = "Praise", Description = "Relative weight of praise.")]
    [Range(0, 100)]
    public int PraiseWeight { get; set; } = 25;

    /// <summary>Weight of complaints.</summary>
    [Display(Name = "Complaints", Description = "Relative weight of complaints (late orders, refunds, outages).")]
    [Range(0, 100)]
    public int ComplaintWeight { get; set; } = 20;

    /// <summary>Weight of spam.</summary>
    [Display(Name = "Spam", Description = "Relative weight of spam (giveaways, follower offers, crypto).")]
    [Range(0, 100)]
    public int SpamWeight { get; set; } = 10;

    /// <summary>Weight of abuse.</summary>
    [Display(Name = "Abuse", Description = "Relative weight of insults and threats, for moderators to escalate.")]
    [Range(0, 100)]
    public int AbuseWeight { get; set; } = 5;

    /// <summary>Weight of hostile text (markup, SQL, right-to-left overrides, very long text, emoji) that tests the console's encoding.</summary>
    [Display(Name = "Hostile text", Description = "Relative weight of texts built to break a careless renderer: script tags, SQL, right-to-left overrides, very long words, emoji.")]
    [Range(0, 100)]
    public int HostileTextWeight { get; set; } = 10;

    /// <summary>The share of calls (0 to 1) that fail on purpose, to see retries, reconnects and rejections at work.</summary>
    [Display(Name = "Failure rate", Description = "Share of calls, from 0 to 1, that fail on purpose so retries, reconnects and rejections can be watched.")]
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; }

    /// <summary>Which kind of failure the simulated failures are.</summary>
    [Display(Name = "Kind of failure", Description = "Which failures to simulate: any of them, or one kind only.")]
    public SimulatedFailure FailureKind { get; set; } = SimulatedFailure.Any;

    /// <summary>
    /// An API key, only to show how secrets work: it is encrypted at rest and never shown back. When set, the sandbox's
    /// webhooks are signed with it instead of <see cref="SandboxWebhookSignature.DefaultKey"/>.
    /// </summary>
    [Display(Name = "API key (optional)", Description = "Demonstrates a secret setting: stored encrypted, never shown back. When set, sandbox webhooks are signed with it.")]
    [Secret]
    [StringLength(200)]
    public string? ApiKey { get; set; }

    /// <summary>Words the sample content rule blocks in drafts for the sandbox, separated by commas.</summary>
    [Display(Name = "Banned words", Description = "Words or phrases, separated by commas, that the sandbox's sample content rule blocks.")]
    [StringLength(2000)]
    public string BannedWords { get; set; } = "miracle cure, guaranteed returns, risk-free";

    /// <summary>The key webhooks are signed with (internal: never part of the settings form).</summary>
    internal string WebhookKey => string.IsNullOrEmpty(ApiKey) ? SandboxWebhookSignature.DefaultKey : ApiKey;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CommentWeight + MentionWeight + DirectMessageWeight == 0)
        {
            yield return new ValidationResult(
                "At least one of comments, mentions and direct messages needs a weight above 0.",
                [nameof(CommentWeight), nameof(MentionWeight), nameof(DirectMessageWeight)]);
        }

        if (QuestionWeight + PraiseWeight + ComplaintWeight + SpamWeight + AbuseWeight + HostileTextWeight == 0)
        {
            yield return new ValidationResult(
                "At least one kind of text needs a weight above 0.",
                [nameof(QuestionWeight), nameof(PraiseWeight), nameof(ComplaintWeight), nameof(SpamWeight), nameof(AbuseWeight), nameof(HostileTextWeight)]);
        }

        if (!double.IsFinite(ItemsPerMinute))
        {
            yield return new ValidationResult("Inbox items per minute must be a number.", [nameof(ItemsPerMinute)]);
        }
    }
}
