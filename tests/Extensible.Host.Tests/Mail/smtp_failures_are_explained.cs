using System.Net;
using System.Net.Sockets;
using Extensible.Admin.Mail;
using Extensible.Testing.Mail;

namespace Extensible.Host.Tests.Mail;

public sealed class smtp_failures_are_explained
{
    private const string Password = "the-right-smtp-password";

    [Fact]
    public async Task a_wrong_password_is_named_and_never_repeated()
    {
        await using var smtp = new FakeSmtpServer("extensible", Password);
        using var services = new MailServices(Settings(smtp.Port, ("Username", "extensible"), ("Password", "a-wrong-password")));

        var outcome = await services.Mail.SendAsync(new ConsoleMessage("ann@example.com", "Hello", "Body"));

        Assert.False(outcome.Sent);
        Assert.StartsWith($"the mail server 127.0.0.1:{smtp.Port} did not accept the username and password", outcome.Problem, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        var logged = Assert.Single(services.Log.Messages);
        Assert.Contains("did not accept the username and password", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-password", logged + outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_right_password_signs_in_and_the_mail_goes_out()
    {
        await using var smtp = new FakeSmtpServer("extensible", Password);
        using var services = new MailServices(Settings(smtp.Port, ("Username", "extensible"), ("Password", Password)));

        var outcome = await services.Mail.SendAsync(new ConsoleMessage("ann@example.com", "Hello", "Line one\n.Line two starts with a dot\n"));

        Assert.Equal(MailOutcome.Delivered, outcome);
        var sent = Assert.Single(smtp.Messages);
        Assert.Equal("extensible", sent.User);
        Assert.Contains("Line one", MailHost.Parse(sent).TextBody, StringComparison.Ordinal);
        Assert.Contains("\n.Line two starts with a dot", MailHost.Parse(sent).TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, Assert.Single(services.Log.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task starttls_that_the_server_does_not_offer_is_refused_not_skipped()
    {
        await using var smtp = new FakeSmtpServer();
        using var services = new MailServices([.. Settings(smtp.Port).Where(s => s.Key != "Security"), ("Security", "StartTls")]);

        var outcome = await services.Mail.SendAsync(new ConsoleMessage("ann@example.com", "Hello", "Body"));

        Assert.False(outcome.Sent);
        Assert.Contains("Extensible:Smtp:Security", outcome.Problem, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task a_server_that_never_answers_times_out()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var services = new MailServices([.. Settings(port).Where(s => s.Key != "Timeout"), ("Timeout", "00:00:01")]);

        var outcome = await services.Mail.SendAsync(new ConsoleMessage("ann@example.com", "Hello", "Body"));

        Assert.False(outcome.Sent);
        Assert.Equal($"the mail server 127.0.0.1:{port} did not answer in time.", outcome.Problem);
    }

    private static (string Key, string Value)[] Settings(int port, params (string Key, string Value)[] more) =>
        [("Host", "127.0.0.1"), ("Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Security", "None"), ("From", "extensible@example.org"), ("Timeout", "00:00:05"), .. more];
}
