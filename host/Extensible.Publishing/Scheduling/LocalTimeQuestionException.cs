namespace Extensible.Publishing.Scheduling;

/// <summary>
/// A local time that does not exist in its zone (spring forward) or happens twice (fall back): the person is asked which
/// they mean, never guessed for. Nothing was stored.
/// </summary>
public sealed class LocalTimeQuestionException(string question, IReadOnlyList<LocalTimeChoice> choices) : Exception(question)
{
    /// <summary>The possible answers, in order.</summary>
    public IReadOnlyList<LocalTimeChoice> Choices { get; } = choices;
}
