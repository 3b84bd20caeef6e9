namespace Extensible.Sdk.Content;

/// <summary>What a content rule found, and optionally the text it would publish instead.</summary>
/// <param name="Outcome">Pass, warn or block.</param>
/// <param name="Messages">What people read: why it warns or blocks, or what it rewrote.</param>
public sealed record RuleVerdict(RuleOutcome Outcome, IReadOnlyList<string> Messages)
{
    /// <summary>The text to publish instead (e.g. with UTM-tagged links), or <see langword="null"/> to leave it.</summary>
    public string? RewrittenText { get; init; }

    /// <summary>Nothing to say.</summary>
    public static RuleVerdict Pass() => new(RuleOutcome.Pass, []);

    /// <summary>A warning.</summary>
    /// <param name="messages">Why.</param>
    public static RuleVerdict Warn(params string[] messages) => new(RuleOutcome.Warn, messages);

    /// <summary>A block.</summary>
    /// <param name="messages">Why.</param>
    public static RuleVerdict Block(params string[] messages) => new(RuleOutcome.Block, messages);

    /// <summary>A pass with a rewritten text.</summary>
    /// <param name="text">The text to publish instead.</param>
    /// <param name="message">What changed.</param>
    public static RuleVerdict Rewrite(string text, string message) => new(RuleOutcome.Pass, [message]) { RewrittenText = text };
}
