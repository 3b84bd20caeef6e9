namespace Extensible.People;

/// <summary>
/// The secret of this node's first-run setup link. Until an owner exists, only someone holding the link (it is
/// printed in the host's log) can create the owner's account, so a server reachable by others is not claimed
/// by whoever finds it first.
/// </summary>
public sealed class SetupToken
{
    /// <summary>The secret.</summary>
    public string Value { get; } = Secrets.New(24);

    /// <summary>Whether <paramref name="candidate"/> is this node's secret (constant time).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));
}
