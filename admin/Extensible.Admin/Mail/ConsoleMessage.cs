namespace Extensible.Admin.Mail;

/// <summary>A plain-text mail to one person.</summary>
/// <param name="To">The recipient's address; one with a line break or anything but a single address is refused.</param>
/// <param name="Subject">The subject; put on one line before it is sent.</param>
/// <param name="Body">The text/plain body, UTF-8.</param>
public sealed record ConsoleMessage(string To, string Subject, string Body);
