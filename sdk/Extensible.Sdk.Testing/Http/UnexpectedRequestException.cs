namespace Extensible.Sdk.Testing.Http;

/// <summary>A plugin sent a request the test did not script: the call fails so the test does too.</summary>
public sealed class UnexpectedRequestException : Exception
{
    /// <summary>Creates an exception.</summary>
    public UnexpectedRequestException()
        : base("The plugin sent a request the test did not script.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">Which request, and what was expected.</param>
    public UnexpectedRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">Which request.</param>
    /// <param name="innerException">The cause.</param>
    public UnexpectedRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
