using System.Globalization;
using System.Security.Claims;
using Extensible.People;
using Microsoft.Extensions.Options;

namespace Extensible.Admin.Mail;

/// <summary>
/// Mails an invitation link to the invited address when a mail server is configured. The invitation is stored before
/// and whatever happens here: a mail that fails only means the inviter sends the link themselves.
/// </summary>
public sealed class InvitationMail(IConsoleMail mail, PeopleDirectory directory, IOptions<SmtpOptions> options)
{
    /// <summary>Whether invitations are mailed at all.</summary>
    public bool IsConfigured => mail.IsConfigured;

    /// <summary>
    /// The invitation link to show and to mail: under <see cref="SmtpOptions.PublicUrl"/> when set, else under
    /// <paramref name="requestBase"/> (the address the inviter used).
    /// </summary>
    public string Link(string secret, string requestBase)
    {
        var root = options.Value.PublicUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') ?? requestBase.TrimEnd('/');
        return $"{root}/invitations/{Uri.EscapeDataString(secret)}";
    }

    /// <summary>Mails the invitation whose link carries <paramref name="secret"/>, from <paramref name="inviter"/>, with <paramref name="link"/>.</summary>
    public async Task<MailOutcome> SendAsync(string secret, string link, ClaimsPrincipal inviter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inviter);
        if (!mail.IsConfigured)
        {
            return MailOutcome.NotConfigured;
        }

        var invitation = await directory.FindInvitationAsync(secret, cancellationToken);
        if (invitation is null)
        {
            return MailOutcome.Failed("the invitation was not found.");
        }

        var name = MailText.OneLine(inviter.FindFirstValue(ConsoleClaims.DisplayName), 100);
        var email = MailText.OneLine(inviter.FindFirstValue(ConsoleClaims.Email), 254);
        var workspace = MailText.OneLine(invitation.WorkspaceName, 100);
        var who = name.Length > 0 ? name : "Someone";
        var expires = invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = $"""
            Hello,

            {who}{(email.Length > 0 ? $" ({email})" : "")} invites you to the workspace "{workspace}" on Extensible, as {invitation.Role}.

            To accept, open this link (it works once, until {expires} UTC):

            {link}

            If you did not expect this invitation, ignore this mail: nothing happens unless the link is opened.

            """;
        return await mail.SendAsync(new ConsoleMessage(invitation.Email, $"{who} invites you to {workspace} on Extensible", body), cancellationToken);
    }
}
