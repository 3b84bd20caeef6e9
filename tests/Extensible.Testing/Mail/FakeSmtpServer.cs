using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Extensible.Testing.Mail;

/// <summary>
/// An SMTP server on a loopback port that speaks enough RFC 5321 for a real client (EHLO, AUTH PLAIN and LOGIN, MAIL,
/// RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT), records what it accepts, and can be told to refuse a command
/// with a given reply code. No TLS: tests configure <c>Security=None</c>.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<FakeSmtpMessage> _messages = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _accepting;
    private volatile FakeSmtpFailure? _failure;

    /// <summary>Starts listening at once.</summary>
    /// <param name="username">When set, AUTH must give this username and <paramref name="password"/> (else 535).</param>
    /// <param name="password">The password that goes with <paramref name="username"/>.</param>
    public FakeSmtpServer(string? username = null, string? password = null)
    {
        Username = username;
        Password = password;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The username AUTH must give, if any.</summary>
    public string? Username { get; }

    /// <summary>The password AUTH must give, if any.</summary>
    public string? Password { get; }

    /// <summary>The mails accepted so far, oldest first.</summary>
    public IReadOnlyList<FakeSmtpMessage> Messages => [.. _messages];

    /// <summary>Every command line received, AUTH secrets included (to check what a client sent).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The host-command-line settings that point Extensible at this server.</summary>
    public string[] HostArguments(string from = "Extensible <extensible@example.org>") =>
        ["--Extensible:Smtp:Host=127.0.0.1", $"--Extensible:Smtp:Port={Port}", "--Extensible:Smtp:Security=None", $"--Extensible:Smtp:From={from}", "--Extensible:Smtp:Timeout=00:00:05",
         .. Username is null ? Array.Empty<string>() : [$"--Extensible:Smtp:Username={Username}", $"--Extensible:Smtp:Password={Password}"]];

    /// <summary>From now on, refuses <see cref="FakeSmtpFailure.Command"/> with its code and text.</summary>
    public void Fail(string command, int code, string text) => _failure = new FakeSmtpFailure(command.ToUpperInvariant(), code, text);

    /// <summary>Accepts everything again.</summary>
    public void Heal() => _failure = null;

    /// <summary>The mails accepted for <paramref name="address"/>.</summary>
    public IReadOnlyList<FakeSmtpMessage> MessagesTo(string address) =>
        [.. _messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
            await Task.WhenAll(_sessions);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopping while a client is connected.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await new FakeSmtpSession(client.GetStream(), this, _stop.Token).RunAsync();
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    internal FakeSmtpFailure? FailureFor(string command) => _failure is { } f && f.Command == command ? f : null;

    internal void Record(FakeSmtpMessage message) => _messages.Enqueue(message);

    internal static Encoding Wire { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
