namespace Extensible.Publishing.Accounts;

/// <summary>Why a request about accounts was refused.</summary>
public enum AccountProblem
{
    /// <summary>The input is wrong (a missing field, an unknown network, a state that is not valid…): 400.</summary>
    Invalid = 0,

    /// <summary>The workspace has no such account: 404.</summary>
    NotFound = 1,

    /// <summary>The network or the connector refused (wrong password, denied authorization, plugin failure): 400 with its message.</summary>
    Refused = 2,
}
