using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.Testing.Mail;

namespace Extensible.Host.Tests.Mail;

public sealed class a_mail_server_that_is_down_loses_no_invitation(a_mail_server_that_is_down_loses_no_invitation.DownMailHost mail)
    : IClassFixture<a_mail_server_that_is_down_loses_no_invitation.DownMailHost>
{
    /// <summary>A host configured with a mail server whose port nobody listens on any more.</summary>
    public sealed class DownMailHost : MailHost
    {
        private readonly int _closedPort = ClosedPort();

        protected override string[] SmtpArguments =>
            ["--Extensible:Smtp:Host=127.0.0.1", $"--Extensible:Smtp:Port={_closedPort}", "--Extensible:Smtp:Security=None", "--Extensible:Smtp:From=extensible@example.org", "--Extensible:Smtp:Timeout=00:00:05"];

        private static int ClosedPort()
        {
            var server = new FakeSmtpServer();
            var port = server.Port;
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return port;
        }
    }

    [Fact]
    public async Task the_invitation_is_made_and_the_api_says_the_server_could_not_be_reached()
    {
        using var client = mail.OwnerClient();
        var email = MailHost.NewAddress();

        var invitation = await (await client.PostJsonAsync($"/api/v1/workspaces/{mail.WorkspaceId}/invitations", $$"""{"email":"{{email}}","role":"Editor"}"""))
            .JsonAsync(HttpStatusCode.Created);

        Assert.False(invitation.GetProperty("mailed").GetBoolean());
        Assert.Contains("could not be reached", invitation.Text("mailProblem"), StringComparison.Ordinal);
        var link = invitation.Text("link");
        var userId = await mail.People.AcceptInvitationAsync(link["/invitations/".Length..], "Ed Editor", "editing all day");
        Assert.Contains(await mail.Directory.MembersAsync(mail.WorkspaceId), m => m.UserId == userId && m.Email == email);
    }
}
