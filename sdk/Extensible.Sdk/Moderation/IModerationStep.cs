namespace Extensible.Sdk.Moderation;

/// <summary>
/// One step of a moderation workflow, run on every new inbox item in order with the workspace's other steps: it may
/// label, prioritize, assign, answer automatically, hide or escalate.
/// </summary>
public interface IModerationStep
{
    /// <summary>The step's key, name and description.</summary>
    CapabilityInfo Info { get; }

    /// <summary>Decides what to do with a new inbox item.</summary>
    /// <param name="input">The item, its thread, and what earlier steps decided.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    Task<ModerationDecision> DecideAsync(ModerationInput input, CancellationToken cancellationToken);
}
