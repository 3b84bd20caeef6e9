using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Mail;

internal static partial class MailLog
{
    [LoggerMessage(1, LogLevel.Information, "Mail \"{Subject}\" sent to {To} through {Server}")]
    public static partial void Sent(ILogger logger, string subject, string to, string server);

    [LoggerMessage(2, LogLevel.Warning, "Mail \"{Subject}\" to {To} could not be sent through {Server}: {Problem}")]
    public static partial void NotSent(ILogger logger, string subject, string to, string server, string problem);
}
