namespace Extensible.Plugins;

/// <summary>An operation on plugins was refused; the message says why in words an operator can act on.</summary>
public sealed class PluginOperationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What kind of refusal it is (the API maps it to 404, 400 or 409).</param>
    /// <param name="message">What happened and what to do.</param>
    public PluginOperationException(PluginProblem problem, string message) : base(message) => Problem = problem;

    /// <summary>What kind of refusal it is.</summary>
    public PluginProblem Problem { get; }
}
