namespace Extensible.Publishing.Posts;

/// <summary>A post checked against each of its targets' networks: what the composer's counters show and what stops a schedule.</summary>
/// <param name="Targets">One check per target, in the post's order.</param>
/// <param name="Problems">Problems of the post as a whole (no accounts, nothing to say).</param>
public sealed record PostCheck(IReadOnlyList<TargetCheck> Targets, IReadOnlyList<PostProblem> Problems)
{
    /// <summary>Whether the post may be scheduled as it is.</summary>
    public bool IsValid => Problems.Count == 0 && Targets.All(t => t.Problems.Count == 0);

    /// <summary>Every problem by field, as problem details list them.</summary>
    public IReadOnlyDictionary<string, string[]> Errors() =>
        Problems.Concat(Targets.SelectMany(t => t.Problems)).GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
}
