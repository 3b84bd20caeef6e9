namespace Extensible.Publishing.Media;

/// <summary>An upload or change the library refuses; the message says why in words, and nothing was stored.</summary>
public sealed class MediaRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public MediaRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the refusal.</summary>
    public MediaRefusedException()
    {
    }

    /// <summary>Creates the refusal.</summary>
    public MediaRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
