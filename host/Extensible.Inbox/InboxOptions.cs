using System.ComponentModel.DataAnnotations;

namespace Extensible.Inbox;

/// <summary>How the inbox polls and receives (<c>Extensible:Inbox</c>).</summary>
public sealed class InboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Inbox";

    /// <summary>Whether this node polls connected accounts (every node may; they share the accounts through the database).</summary>
    public bool Polling { get; set; } = true;

    /// <summary>How long after a poll an account is polled again, unless its network asks for sooner or later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait after failed polls (the wait doubles from the interval up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxPollBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Accounts this node polls at once.</summary>
    [Range(1, 256)]
    public int MaxConcurrentPolls { get; set; } = 4;

    /// <summary>How long a node holds an account it polls before another node may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PollLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest webhook body accepted, in bytes (larger ones are answered 413 and not read).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxWebhookBodyBytes { get; set; } = 1024 * 1024;
}
