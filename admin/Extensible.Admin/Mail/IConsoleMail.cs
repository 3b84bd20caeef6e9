namespace Extensible.Admin.Mail;

/// <summary>Sends the console's own mail (invitations, test mail) through the configured SMTP server, if any.</summary>
public interface IConsoleMail
{
    /// <summary>Whether a mail server is configured (<c>Extensible:Smtp:Host</c>).</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Sends <paramref name="message"/>. Never throws for the mail server's sake: a refusal, a timeout or an unreachable
    /// server comes back as <see cref="MailOutcome.Problem"/>; without a mail server the outcome is <see cref="MailOutcome.NotConfigured"/>.
    /// </summary>
    Task<MailOutcome> SendAsync(ConsoleMessage message, CancellationToken cancellationToken = default);
}
