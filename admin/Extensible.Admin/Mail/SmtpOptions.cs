namespace Extensible.Admin.Mail;

/// <summary>
/// The optional mail server the console sends invitations (and test mail) through, bound from <c>Extensible:Smtp</c>.
/// Without a <see cref="Host"/> no mail is sent and invitation links are shown to copy.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Smtp";

    /// <summary>The mail server's host name or IP address; empty means no mail.</summary>
    public string? Host { get; set; }

    /// <summary>The port; defaults to 587 with STARTTLS, 465 with TLS and 25 without security.</summary>
    public int? Port { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c> (the default) or <c>Tls</c>; see <see cref="SmtpSecurity"/>.</summary>
    public string? Security { get; set; }

    /// <summary>The account to sign in with (AUTH PLAIN or LOGIN); empty means no sign-in.</summary>
    public string? Username { get; set; }

    /// <summary>The account's password; required with <see cref="Username"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Extensible &lt;extensible@example.org&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long to wait for the server at each step; 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The address mailed links start with, e.g. <c>https://social.example.org</c>; by default the address the inviter
    /// used. Set it when the server is reached under several names, so mail always carries the public one.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Settings that could not be read (a misspelt key, a port that is no number), each naming its key.</summary>
    internal List<string> BindingProblems { get; } = [];

    /// <summary>Whether a mail server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The security as an enum; valid once the options are validated.</summary>
    public SmtpSecurity SecurityMode => Enum.TryParse<SmtpSecurity>(Security, ignoreCase: true, out var mode) ? mode : SmtpSecurity.StartTls;

    /// <summary>The port to connect to, <see cref="Port"/> or the usual one for <see cref="SecurityMode"/>.</summary>
    public int EffectivePort => Port ?? SecurityMode switch
    {
        SmtpSecurity.Tls => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}
