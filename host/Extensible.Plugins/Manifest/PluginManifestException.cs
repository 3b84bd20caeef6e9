namespace Extensible.Plugins.Manifest;

/// <summary>A plugin folder or archive is not an acceptable plugin; the message says why, in words.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginManifestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PluginManifestException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginManifestException()
    {
    }
}
