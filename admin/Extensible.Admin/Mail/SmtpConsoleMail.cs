using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Extensible.Admin.Mail;

/// <summary>
/// <see cref="IConsoleMail"/> over SMTP with MailKit: one connection per mail (the console sends a few a day), each
/// step bounded by <see cref="SmtpOptions.Timeout"/>, every failure turned into a sentence for the person who tried.
/// </summary>
internal sealed class SmtpConsoleMail(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpConsoleMail> logger) : IConsoleMail
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    private string Server => $"{_options.Host}:{_options.EffectivePort}";

    public async Task<MailOutcome> SendAsync(ConsoleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured)
        {
            return MailOutcome.NotConfigured;
        }

        var subject = MailText.OneLine(message.Subject, 250);
        if (!TryRecipient(message.To, out var to))
        {
            return Failed(subject, MailText.OneLine(message.To), "the address is not a single valid email address.");
        }

        try
        {
            await DeliverAsync(Compose(to, subject, message.Body), cancellationToken);
            MailLog.Sent(logger, subject, to.Address, Server);
            return MailOutcome.Delivered;
        }
        catch (Exception e) when (Explain(e, cancellationToken) is { } problem)
        {
            return Failed(subject, to.Address, problem);
        }
    }

    private MailOutcome Failed(string subject, string to, string problem)
    {
        MailLog.NotSent(logger, subject, to, Server, problem);
        return MailOutcome.Failed(problem);
    }

    // Only a bare address of our own making goes in To: no display name from anyone, nothing after a line break.
    private static bool TryRecipient(string? address, out MailboxAddress mailbox)
    {
        mailbox = null!;
        var text = address?.Trim() ?? "";
        if (text.Length is 0 or > 254 || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(text, out var parsed) || parsed.Address != text || !text.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        mailbox = new MailboxAddress("", text);
        return true;
    }

    private MimeMessage Compose(MailboxAddress to, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, Date = clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(_options.From!));
        message.To.Add(to);
        var text = new TextPart(MimeKit.Text.TextFormat.Plain);
        text.SetText(Encoding.UTF8, body.ReplaceLineEndings("\r\n"));
        message.Body = text;
        return message;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The client's own timeout bounds each read and write; this bounds the whole conversation.
        timeout.CancelAfter(_options.Timeout * 4);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds, LocalDomain = "extensible.invalid" };
        var security = _options.SecurityMode switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_options.Host!.Trim(), _options.EffectivePort, security, timeout.Token);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    // A sentence for each way SMTP fails; null for what is not the mail server's doing (the caller went away).
    private string? Explain(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => $"the mail server {Server} did not answer in time.",
        SocketException s => $"the mail server {Server} could not be reached ({s.SocketErrorCode}: {s.Message}).",
        AuthenticationException => $"the mail server {Server} did not accept the username and password ({Reply(e.Message)}).",
        SmtpCommandException c => c.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"the mail server refused the recipient {c.Mailbox?.Address}: {(int)c.StatusCode} {Reply(c.Message)}",
            SmtpErrorCode.SenderNotAccepted => $"the mail server refused the sender {c.Mailbox?.Address}: {(int)c.StatusCode} {Reply(c.Message)}",
            SmtpErrorCode.MessageNotAccepted => $"the mail server refused the message: {(int)c.StatusCode} {Reply(c.Message)}",
            _ => $"the mail server answered {(int)c.StatusCode} {Reply(c.Message)}",
        },
        SmtpProtocolException => $"the mail server {Server} broke off the conversation ({Reply(e.Message)}).",
        SslHandshakeException => $"TLS with the mail server {Server} failed; check {SmtpOptions.Section}:Security and the server's certificate ({Reply(e.Message)}).",
        NotSupportedException => $"the mail server {Server} does not support what is configured ({Reply(e.Message)}); check {SmtpOptions.Section}:Security.",
        IOException or ServiceNotConnectedException or ServiceNotAuthenticatedException => $"the connection to the mail server {Server} failed ({Reply(e.Message)}).",
        _ => null,
    };

    private static string Reply(string text) => MailText.OneLine(text, 300);
}
