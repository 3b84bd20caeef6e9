using Xunit;

namespace Extensible.Testing;

/// <summary>How host and kit tests judge one case of a shared table of SDK rules (<c>ManifestCases</c>, <c>SettingsCases</c>, …).</summary>
public static class RuleCase
{
    /// <summary>Asserts that the case was accepted, or refused with a <typeparamref name="TRefusal"/>, as its table says.</summary>
    /// <typeparam name="TRefusal">How the code under test refuses.</typeparam>
    /// <param name="case">The case's name, for the failure message.</param>
    /// <param name="refused">What the code under test threw, or <see langword="null"/>.</param>
    /// <param name="accepted">Whether the table says the case is accepted.</param>
    public static void Judged<TRefusal>(string @case, Exception? refused, bool accepted)
        where TRefusal : Exception =>
        Assert.True(accepted ? refused is null : refused is TRefusal, $"{@case}: {(refused is null ? "accepted" : $"{refused.GetType().Name}: {refused.Message}")}");

    /// <summary>Asserts that the case was accepted, or refused with a <typeparamref name="TRefusal"/> whose message starts with <paramref name="problem"/>.</summary>
    /// <typeparam name="TRefusal">How the code under test refuses.</typeparam>
    /// <param name="case">The case's name, for the failure message.</param>
    /// <param name="refused">What the code under test threw, or <see langword="null"/>.</param>
    /// <param name="problem">The start of the problem the table names; <see langword="null"/> when the case is accepted.</param>
    public static void Judged<TRefusal>(string @case, Exception? refused, string? problem)
        where TRefusal : Exception
    {
        Judged<TRefusal>(@case, refused, accepted: problem is null);
        if (problem is not null)
        {
            Assert.StartsWith(problem, refused!.Message, StringComparison.Ordinal);
        }
    }
}
