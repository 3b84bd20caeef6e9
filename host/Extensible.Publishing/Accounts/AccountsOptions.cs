namespace Extensible.Publishing.Accounts;

/// <summary>Settings of connected accounts (section <c>Extensible:Publishing:Accounts</c>).</summary>
public sealed class AccountsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Publishing:Accounts";

    /// <summary>Credentials expiring within this margin are refreshed before they are used. Default 5 minutes.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the background refresher looks for credentials about to expire. Default 1 minute.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an OAuth <c>state</c> stays usable after connecting started. Default 10 minutes.</summary>
    public TimeSpan ConnectStateLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
