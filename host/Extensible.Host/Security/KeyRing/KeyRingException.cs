namespace Extensible.Host.Security.KeyRing;

/// <summary>The key ring cannot be opened; the message names the file or setting and says what to do.</summary>
public sealed class KeyRingException : Exception
{
    /// <summary>A refusal with its explanation.</summary>
    public KeyRingException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with its explanation and the failure behind it.</summary>
    public KeyRingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Not used; present for the usual exception constructors.</summary>
    public KeyRingException()
    {
    }
}
