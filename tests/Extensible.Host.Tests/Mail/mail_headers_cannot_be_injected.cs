using Extensible.Admin.Mail;
using Extensible.People;

namespace Extensible.Host.Tests.Mail;

public sealed class mail_headers_cannot_be_injected(MailHost mail) : IClassFixture<MailHost>
{
    [Fact]
    public async Task a_line_break_in_the_inviters_name_stays_inside_the_subject()
    {
        var email = MailHost.NewAddress();
        var secret = await mail.People.InviteAsync(mail.WorkspaceId, email, Role.Analyst, Role.Owner, MailHost.OwnerEmail);
        var inviter = MailHost.Inviter("Eve\r\nBcc: evil@example.com\r\n\r\nforged body", "eve@example.com\nBcc: evil2@example.com");

        var outcome = await mail.InvitationMail.SendAsync(secret, $"http://localhost/invitations/{secret}", inviter);

        Assert.True(outcome.Sent, outcome.Problem);
        var sent = Assert.Single(mail.Smtp.MessagesTo(email));
        Assert.Equal([email], sent.To);
        Assert.DoesNotContain(sent.HeaderLines, h => h.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(mail.Smtp.MessagesTo("evil@example.com"));
        Assert.Empty(mail.Smtp.MessagesTo("evil2@example.com"));
        var message = MailHost.Parse(sent);
        Assert.Equal("Eve Bcc: evil@example.com forged body invites you to Acme on Extensible", message.Subject);
        Assert.Empty(message.Bcc);
        Assert.Contains("Eve Bcc: evil@example.com forged body (eve@example.com Bcc: evil2@example.com) invites you", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_subject_with_line_breaks_is_sent_on_one_line()
    {
        var email = MailHost.NewAddress();

        var outcome = await mail.Mail.SendAsync(new ConsoleMessage(email, "Hello\r\nBcc: evil@example.com\u2028X-Evil: yes", "Body"));

        Assert.True(outcome.Sent, outcome.Problem);
        var sent = Assert.Single(mail.Smtp.MessagesTo(email));
        Assert.DoesNotContain(sent.HeaderLines, h => h.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase) || h.StartsWith("X-Evil", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Hello Bcc: evil@example.com X-Evil: yes", MailHost.Parse(sent).Subject);
    }

    [Theory]
    [InlineData("victim@example.com\r\nBcc: evil@example.com")]
    [InlineData("victim@example.com\nRCPT TO:<evil@example.com>")]
    [InlineData("Victim <victim@example.com>, evil@example.com")]
    [InlineData("not an address")]
    public async Task a_recipient_that_is_not_one_plain_address_is_refused(string to)
    {
        var before = mail.Smtp.Messages.Count;

        var outcome = await mail.Mail.SendAsync(new ConsoleMessage(to, "Hello", "Body"));

        Assert.False(outcome.Sent);
        Assert.Contains("not a single valid email address", outcome.Problem, StringComparison.Ordinal);
        Assert.Equal(before, mail.Smtp.Messages.Count);
        Assert.DoesNotContain(mail.Smtp.Commands, c => c.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task names_in_other_scripts_are_encoded_in_the_subject()
    {
        var workspace = await mail.People.CreateWorkspaceAsync("Zoë's Café ☕", mail.OwnerId, MailHost.OwnerEmail);
        var email = MailHost.NewAddress();
        var secret = await mail.People.InviteAsync(workspace, email, Role.Editor, Role.Owner, MailHost.OwnerEmail);

        var outcome = await mail.InvitationMail.SendAsync(secret, $"http://localhost/invitations/{secret}", MailHost.Inviter("Jürgen Ølsen", "jurgen@example.com"));

        Assert.True(outcome.Sent, outcome.Problem);
        var sent = Assert.Single(mail.Smtp.MessagesTo(email));
        var subject = Assert.Single(sent.HeaderLines, h => h.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", subject, StringComparison.OrdinalIgnoreCase);
        Assert.All(sent.HeaderLines, h => Assert.True(h.All(char.IsAscii), $"Header line not ASCII: {h}"));
        var message = MailHost.Parse(sent);
        Assert.Equal("Jürgen Ølsen invites you to Zoë's Café ☕ on Extensible", message.Subject);
        Assert.Contains("the workspace \"Zoë's Café ☕\"", message.TextBody, StringComparison.Ordinal);
    }
}
