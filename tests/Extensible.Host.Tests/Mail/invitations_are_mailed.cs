using System.Net;
using System.Text.RegularExpressions;
using Extensible.Host.Tests.Api;
using MimeKit;

namespace Extensible.Host.Tests.Mail;

public sealed partial class invitations_are_mailed(MailHost mail) : IClassFixture<MailHost>
{
    private string Invitations => $"/api/v1/workspaces/{mail.WorkspaceId}/invitations";

    [Fact]
    public async Task an_invitation_made_through_the_api_is_mailed_with_its_link()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress();

        var invitation = await (await client.PostJsonAsync(Invitations, $$"""{"email":"{{email}}","role":"Editor"}""")).JsonAsync(HttpStatusCode.Created);

        Assert.True(invitation.GetProperty("mailed").GetBoolean());
        Assert.Equal(JsonValueKindNull, invitation.GetProperty("mailProblem").ValueKind);
        var sent = Assert.Single(mail.Smtp.MessagesTo(email));
        Assert.Equal("extensible@example.org", sent.From);
        Assert.Equal([email], sent.To);
        Assert.Equal(MailHost.SmtpUser, sent.User);
        var message = MailHost.Parse(sent);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Extensible", "extensible@example.org"), (from.Name, from.Address));
        Assert.Equal(email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Olive Owner invites you to Acme on Extensible", message.Subject);
        var body = Assert.IsType<TextPart>(message.Body);
        Assert.True(body.IsPlain);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Contains("Olive Owner (owner@example.com) invites you to the workspace \"Acme\" on Extensible, as Editor.", body.Text, StringComparison.Ordinal);
        Assert.Contains($"{mail.Host.Address}{invitation.Text("link").TrimStart('/')}", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_mailed_link_lets_the_person_join()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress();
        await (await client.PostJsonAsync(Invitations, $$"""{"email":"{{email}}","role":"Moderator"}""")).JsonAsync(HttpStatusCode.Created);

        var link = MailedLink().Match(MailHost.Parse(Assert.Single(mail.Smtp.MessagesTo(email))).TextBody ?? "");

        Assert.True(link.Success);
        var userId = await mail.People.AcceptInvitationAsync(Uri.UnescapeDataString(link.Groups["secret"].Value), "Mo Moderator", "moderating all day");
        Assert.Contains(await mail.Directory.MembersAsync(mail.WorkspaceId), m => m.UserId == userId && m.Email == email);
    }

    [Fact]
    public async Task a_refused_recipient_keeps_the_invitation_and_says_why()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress("unknown");
        mail.Smtp.Fail("RCPT", 550, "5.1.1 mailbox unavailable");
        try
        {
            var invitation = await (await client.PostJsonAsync(Invitations, $$"""{"email":"{{email}}","role":"Analyst"}""")).JsonAsync(HttpStatusCode.Created);

            Assert.False(invitation.GetProperty("mailed").GetBoolean());
            var problem = invitation.Text("mailProblem");
            Assert.Contains("550", problem, StringComparison.Ordinal);
            Assert.Contains("mailbox unavailable", problem, StringComparison.Ordinal);
            Assert.Contains(email, problem, StringComparison.Ordinal);
            Assert.StartsWith("/invitations/", invitation.Text("link"), StringComparison.Ordinal);
            Assert.Contains(await mail.Directory.PendingInvitationsAsync(mail.WorkspaceId), i => i.Email == email);
            Assert.Empty(mail.Smtp.MessagesTo(email));
        }
        finally
        {
            mail.Smtp.Heal();
        }
    }

    [Fact]
    public async Task a_refused_message_keeps_the_invitation_and_says_why()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress();
        mail.Smtp.Fail("DATA", 554, "5.7.1 message rejected as spam");
        try
        {
            var invitation = await (await client.PostJsonAsync(Invitations, $$"""{"email":"{{email}}","role":"Analyst"}""")).JsonAsync(HttpStatusCode.Created);

            Assert.False(invitation.GetProperty("mailed").GetBoolean());
            Assert.Equal("the mail server refused the message: 554 5.7.1 message rejected as spam", invitation.Text("mailProblem"));
            Assert.Contains(await mail.Directory.PendingInvitationsAsync(mail.WorkspaceId), i => i.Email == email);
        }
        finally
        {
            mail.Smtp.Heal();
        }
    }

    [Fact]
    public async Task an_invitation_refused_as_bad_input_mails_nothing()
    {
        using var client = mail.OwnerClient();
        var before = mail.Smtp.Messages.Count;

        var response = await client.PostJsonAsync(Invitations, """{"email":"victim@example.com\r\nBcc: evil@example.com","role":"Analyst"}""");

        Assert.Equal(["email"], await response.ValidationErrorsAsync());
        Assert.Equal(before, mail.Smtp.Messages.Count);
    }

    [Fact]
    public async Task the_smtp_password_is_sent_only_to_the_server()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress();

        var invitation = await (await client.PostJsonAsync(Invitations, $$"""{"email":"{{email}}","role":"Analyst"}""")).JsonAsync(HttpStatusCode.Created);

        Assert.True(invitation.GetProperty("mailed").GetBoolean());
        Assert.DoesNotContain(MailHost.SmtpPassword, invitation.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(MailHost.SmtpPassword, MailHost.Parse(Assert.Single(mail.Smtp.MessagesTo(email))).ToString(), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/invitations/(?<secret>[^\s]+)")]
    private static partial Regex MailedLink();
}
