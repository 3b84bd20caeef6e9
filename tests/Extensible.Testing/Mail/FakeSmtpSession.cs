using System.Text;

namespace Extensible.Testing.Mail;

/// <summary>One client's conversation with <see cref="FakeSmtpServer"/>.</summary>
internal sealed class FakeSmtpSession(Stream stream, FakeSmtpServer server, CancellationToken stop)
{
    private readonly StreamReader _reader = new(stream, FakeSmtpServer.Wire, detectEncodingFromByteOrderMarks: false);
    private readonly StreamWriter _writer = new(stream, FakeSmtpServer.Wire) { NewLine = "\r\n", AutoFlush = true };
    private readonly List<string> _to = [];
    private string? _from;
    private string? _user;

    public async Task RunAsync()
    {
        await ReplyAsync(220, "fake.smtp.test ESMTP ready");
        while (await ReadLineAsync() is { } line)
        {
            server.Commands.Enqueue(line);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : line[(space + 1)..];
            if (verb != "DATA" && server.FailureFor(verb) is { } failure)
            {
                await ReplyAsync(failure.Code, failure.Text);
                continue;
            }

            switch (verb)
            {
                case "EHLO":
                    await _writer.WriteAsync("250-fake.smtp.test\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760\r\n");
                    break;
                case "HELO":
                    await ReplyAsync(250, "fake.smtp.test");
                    break;
                case "AUTH":
                    await AuthenticateAsync(argument);
                    break;
                case "MAIL":
                    _from = Address(argument);
                    _to.Clear();
                    await ReplyAsync(250, "2.1.0 sender ok");
                    break;
                case "RCPT":
                    _to.Add(Address(argument));
                    await ReplyAsync(250, "2.1.5 recipient ok");
                    break;
                case "DATA":
                    await DataAsync();
                    break;
                case "RSET":
                    _from = null;
                    _to.Clear();
                    await ReplyAsync(250, "2.0.0 ok");
                    break;
                case "NOOP":
                    await ReplyAsync(250, "2.0.0 ok");
                    break;
                case "QUIT":
                    await ReplyAsync(221, "2.0.0 bye");
                    return;
                default:
                    await ReplyAsync(502, "5.5.1 command not implemented");
                    break;
            }
        }
    }

    private async Task AuthenticateAsync(string argument)
    {
        var parts = argument.Split(' ', 2);
        string user, password;
        switch (parts[0].ToUpperInvariant())
        {
            case "PLAIN":
                var initial = parts.Length > 1 ? parts[1] : await ChallengeAsync("");
                var fields = Decode(initial).Split('\0');
                (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : ("", "");
                break;
            case "LOGIN":
                user = Decode(parts.Length > 1 ? parts[1] : await ChallengeAsync("VXNlcm5hbWU6"));
                password = Decode(await ChallengeAsync("UGFzc3dvcmQ6"));
                break;
            default:
                await ReplyAsync(504, "5.5.4 mechanism not supported");
                return;
        }

        if (server.Username is not null && (user != server.Username || password != server.Password))
        {
            await ReplyAsync(535, "5.7.8 Authentication credentials invalid");
            return;
        }

        _user = user;
        await ReplyAsync(235, "2.7.0 Authentication successful");
    }

    private async Task<string> ChallengeAsync(string challenge)
    {
        await _writer.WriteAsync($"334 {challenge}\r\n");
        return await ReadLineAsync() ?? "";
    }

    private async Task DataAsync()
    {
        if (_from is null || _to.Count == 0)
        {
            await ReplyAsync(503, "5.5.1 need MAIL and RCPT first");
            return;
        }

        await ReplyAsync(354, "end data with <CR><LF>.<CR><LF>");
        var data = new StringBuilder();
        while (await ReadLineAsync() is { } line && line != ".")
        {
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        if (server.FailureFor("DATA") is { } failure)
        {
            await ReplyAsync(failure.Code, failure.Text);
            return;
        }

        server.Record(new FakeSmtpMessage(_from, [.. _to], data.ToString(), _user));
        _from = null;
        _to.Clear();
        await ReplyAsync(250, "2.0.0 queued");
    }

    private Task<string?> ReadLineAsync() => _reader.ReadLineAsync(stop).AsTask();

    private Task ReplyAsync(int code, string text) => _writer.WriteAsync($"{code} {text}\r\n");

    private static string Address(string argument)
    {
        var start = argument.IndexOf('<', StringComparison.Ordinal);
        var end = argument.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
