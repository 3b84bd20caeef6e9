namespace Extensible.People;

/// <summary>Input that cannot be accepted; nothing was stored. <see cref="Field"/> names the offending input.</summary>
public sealed class PeopleValidationException(string field, string message) : Exception(message)
{
    /// <summary>The input at fault (<c>Email</c>, <c>Password</c>…).</summary>
    public string Field { get; } = field;
}
