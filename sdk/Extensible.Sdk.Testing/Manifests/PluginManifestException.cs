namespace Extensible.Sdk.Testing.Manifests;

/// <summary>A <c>plugin.json</c> the host would refuse, with every problem found.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates an exception.</summary>
    public PluginManifestException()
        : this("The plugin manifest is not valid.", [])
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public PluginManifestException(string message)
        : this(message, [message])
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an exception listing the problems.</summary>
    /// <param name="message">A summary.</param>
    /// <param name="problems">Each problem, in words for the plugin's author.</param>
    public PluginManifestException(string message, IReadOnlyList<string> problems)
        : base(message)
    {
        Problems = problems;
    }

    /// <summary>Each problem, in words for the plugin's author.</summary>
    public IReadOnlyList<string> Problems { get; }
}
