namespace Extensible.Sdk.Content;

/// <summary>
/// A brand or compliance rule checked against every draft for every target network before approval and again before
/// publishing. It may pass, warn, or block, and may rewrite the text (UTM-tag links, expand abbreviations).
/// </summary>
public interface IContentRule
{
    /// <summary>The rule's key, name and description.</summary>
    CapabilityInfo Info { get; }

    /// <summary>Evaluates a draft for one target network.</summary>
    /// <param name="draft">The draft as it would go to that network.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken);
}
