namespace Extensible.Publishing.Posts;

/// <summary>
/// A post command that cannot be accepted; nothing was stored. <see cref="Errors"/> names each input at fault as the API
/// does (<c>text</c>, <c>targets</c>, <c>targets[&lt;accountId&gt;].text</c>, <c>localTime</c>) with why, in words.
/// </summary>
public sealed class PostValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>One problem with one input.</summary>
    public PostValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>The problems, by input.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
