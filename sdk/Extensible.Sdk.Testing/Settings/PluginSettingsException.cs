using System.ComponentModel.DataAnnotations;

namespace Extensible.Sdk.Testing.Settings;

/// <summary>Settings the host would refuse: their validation attributes found problems.</summary>
public sealed class PluginSettingsException : Exception
{
    /// <summary>Creates an exception with no problems listed.</summary>
    public PluginSettingsException()
        : this("The settings are not valid.", [])
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public PluginSettingsException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates an exception listing the validation problems.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="problems">Each failed validation, with the properties it concerns.</param>
    public PluginSettingsException(string message, IReadOnlyList<ValidationResult> problems)
        : base(message)
    {
        Problems = problems;
    }

    /// <summary>Each failed validation, with the properties it concerns.</summary>
    public IReadOnlyList<ValidationResult> Problems { get; }
}
