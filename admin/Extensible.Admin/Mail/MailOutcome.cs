namespace Extensible.Admin.Mail;

/// <summary>What became of a mail.</summary>
/// <param name="Sent">Whether the mail server accepted it.</param>
/// <param name="Problem">Why it was not sent, in words for the person who tried; null when sent or when no mail server is configured.</param>
public sealed record MailOutcome(bool Sent, string? Problem)
{
    /// <summary>The mail server accepted the mail.</summary>
    public static MailOutcome Delivered { get; } = new(true, null);

    /// <summary>No mail server is configured, so nothing was tried.</summary>
    public static MailOutcome NotConfigured { get; } = new(false, null);

    /// <summary>The mail could not be sent, because of <paramref name="problem"/>.</summary>
    public static MailOutcome Failed(string problem) => new(false, problem);
}
