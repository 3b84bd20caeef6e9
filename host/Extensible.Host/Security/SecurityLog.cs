namespace Extensible.Host.Security;

public static partial class SecurityLog
{
    [LoggerMessage(100, LogLevel.Information, "Created the owner {Email} and a first workspace from Extensible:Bootstrap")]
    public static partial void OwnerBootstrapped(ILogger logger, string email);

    [LoggerMessage(101, LogLevel.Warning, "No one has an account yet. Finish setting Extensible up at {SetupLink} (this link works once an owner is created on this node only)")]
    public static partial void SetupPending(ILogger logger, string setupLink);
}
