namespace Extensible.Testing.Mail;

/// <summary>The reply the fake server gives to <paramref name="Command"/> instead of accepting it.</summary>
/// <param name="Command">The SMTP verb to refuse: EHLO, AUTH, MAIL, RCPT or DATA (DATA refuses the message after it is sent).</param>
/// <param name="Code">The reply code, e.g. 550.</param>
/// <param name="Text">The reply text.</param>
public sealed record FakeSmtpFailure(string Command, int Code, string Text);
