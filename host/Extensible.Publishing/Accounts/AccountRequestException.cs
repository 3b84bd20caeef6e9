namespace Extensible.Publishing.Accounts;

/// <summary>
/// A request about accounts that cannot be done, with a message for the person (never a credential): the API answers
/// it as a 400 (or 404, 409) problem, the console shows it beside the form.
/// </summary>
public sealed class AccountRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccountRequestException(AccountProblem problem, string message, string? field = null) : base(message)
    {
        Problem = problem;
        Field = field;
    }

    /// <summary>Creates an invalid-request exception.</summary>
    public AccountRequestException() : this(AccountProblem.Invalid, "The request about an account is not valid.")
    {
    }

    /// <summary>Creates an invalid-request exception.</summary>
    public AccountRequestException(string message) : this(AccountProblem.Invalid, message)
    {
    }

    /// <summary>Creates an invalid-request exception.</summary>
    public AccountRequestException(string message, Exception innerException) : base(message, innerException) => Problem = AccountProblem.Invalid;

    /// <summary>What is wrong.</summary>
    public AccountProblem Problem { get; }

    /// <summary>The input field the message is about, if one is.</summary>
    public string? Field { get; }
}
