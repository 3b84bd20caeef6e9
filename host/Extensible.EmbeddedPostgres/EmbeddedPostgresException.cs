namespace Extensible.EmbeddedPostgres;

/// <summary>
/// The embedded PostgreSQL could not be set up, started or stopped. The message says what happened and what to do.
/// </summary>
public sealed class EmbeddedPostgresException : Exception
{
    /// <summary>Creates the exception with a message that says what happened and what to do.</summary>
    public EmbeddedPostgresException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message that says what happened and what to do, and its cause.</summary>
    public EmbeddedPostgresException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message; prefer the constructors that explain.</summary>
    public EmbeddedPostgresException()
    {
    }
}
