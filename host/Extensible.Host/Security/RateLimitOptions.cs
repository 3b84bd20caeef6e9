namespace Extensible.Host.Security;

/// <summary>How many requests a minute each client may make, bound from <c>Extensible:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:RateLimits";

    /// <summary>The most a setting may be; more is no limit at all.</summary>
    public const int Most = 1_000_000;

    /// <summary>Requests to the sign-in, second-step, password-reset and invitation pages per client address.</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>API calls per token, per console session's person, or per client address for calls without a valid token.</summary>
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>Values that could not be read, each naming its key; start-up validation reports them.</summary>
    internal List<string> BindingProblems { get; } = [];
}
