using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Mail;

public sealed class invitations_and_test_mail_go_out_by_mail(MailingConsole console) : IClassFixture<MailingConsole>
{
    [Fact]
    public async Task an_invitation_is_mailed_and_its_link_still_shown_once()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        await Expect(owner.Main).ToContainTextAsync("The link is also mailed to the address.");

        await InviteAsync(owner, "mailed@example.com");

        await Expect(owner.Main.Locator("#invitation-mail")).ToHaveTextAsync("Invitation mailed to mailed@example.com. The link is also here, shown once; it works for 7 days:");
        var link = await owner.Main.Locator("#invitation-link").TextContentAsync();
        Assert.StartsWith($"{console.Host.Address}invitations/", link, StringComparison.Ordinal);
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(console.Smtp.MessagesTo("mailed@example.com")).Data)));
        Assert.Equal("Olive Owner invites you to Acme on Extensible", mail.Subject);
        Assert.Contains(link!, mail.TextBody, StringComparison.Ordinal);
        owner.AssertNothingWentWrong();
    }

    [Fact]
    public async Task a_refused_mail_keeps_the_invitation_and_shows_why_and_the_link()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        console.Smtp.Fail("RCPT", 550, "5.1.1 <nobody@example.com>: no such <b>mailbox</b>");
        try
        {
            await InviteAsync(owner, "nobody@example.com");
        }
        finally
        {
            console.Smtp.Heal();
        }

        await Expect(owner.Main.Locator("#invitation-mail")).ToContainTextAsync("The invitation is made, but the mail to nobody@example.com could not be sent: the mail server refused the recipient nobody@example.com: 550 5.1.1 <nobody@example.com>: no such <b>mailbox</b>");
        await Expect(owner.Main.Locator("#invitation-mail b")).ToHaveCountAsync(0);
        await Expect(owner.Main.Locator("#invitation-link")).ToContainTextAsync($"{console.Host.Address}invitations/");
        await Expect(owner.Main).ToContainTextAsync("nobody@example.com as Analyst");
        Assert.Empty(console.Smtp.MessagesTo("nobody@example.com"));
        owner.AssertNothingWentWrong();
    }

    [Fact]
    public async Task the_settings_page_sends_a_test_mail_and_shows_a_refusal()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/settings");
        var send = $"Send a test mail to {OwnedConsole.OwnerEmail}";

        await owner.SubmitAsync(send);

        await Expect(owner.Main.Locator("#test-mail")).ToHaveTextAsync($"A test mail was sent to {OwnedConsole.OwnerEmail}.");
        Assert.Contains(console.Smtp.MessagesTo(OwnedConsole.OwnerEmail), m => m.Data.Contains("Subject: Test mail from Extensible", StringComparison.Ordinal));

        console.Smtp.Fail("MAIL", 451, "4.3.0 try again later");
        try
        {
            await owner.SubmitAsync(send);
        }
        finally
        {
            console.Smtp.Heal();
        }

        await Expect(owner.Main.Locator("#test-mail")).ToHaveTextAsync("The test mail could not be sent: the mail server refused the sender extensible@example.org: 451 4.3.0 try again later");
        owner.AssertNothingWentWrong();
    }

    private static async Task InviteAsync(ConsoleTab owner, string email)
    {
        var invite = owner.Main.Locator("form", new() { Has = owner.Page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }) });
        await invite.GetByLabel("Email").FillAsync(email);
        await invite.GetByLabel("Role").SelectOptionAsync("Analyst");
        await owner.SubmitAsync("Create invitation link");
    }
}
