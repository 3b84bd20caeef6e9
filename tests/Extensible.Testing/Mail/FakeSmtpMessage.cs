namespace Extensible.Testing.Mail;

/// <summary>A mail the fake server accepted.</summary>
/// <param name="From">The envelope sender (MAIL FROM).</param>
/// <param name="To">The envelope recipients (RCPT TO).</param>
/// <param name="Data">The message as sent after DATA, dot-stuffing undone, lines ending in CRLF.</param>
/// <param name="User">Who signed in with AUTH, if anyone.</param>
public sealed record FakeSmtpMessage(string From, IReadOnlyList<string> To, string Data, string? User)
{
    /// <summary>The header lines, as sent (folded lines kept apart).</summary>
    public IReadOnlyList<string> HeaderLines => Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))].Split("\r\n");

    /// <summary>The raw body after the blank line.</summary>
    public string RawBody => Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
