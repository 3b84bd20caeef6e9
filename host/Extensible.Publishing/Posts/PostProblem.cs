namespace Extensible.Publishing.Posts;

/// <summary>One problem (or warning) with a post's content for one input, named as the API names it.</summary>
/// <param name="Field">The input: <c>text</c>, <c>targets[&lt;accountId&gt;].text</c>, <c>targets[&lt;accountId&gt;].mediaIds</c>…</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record PostProblem(string Field, string Message)
{
    /// <summary>The name of one target's input: <c>targets[&lt;accountId&gt;].text</c>.</summary>
    public static string TargetField(Guid accountId, string field) =>
        field.Length == 0 ? $"targets[{accountId}]" : $"targets[{accountId}].{field}";
}
