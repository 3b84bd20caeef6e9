namespace Extensible.Host.Security;

public static partial class SecurityLog
{
    [LoggerMessage(100, LogLevel.Information, "Created the owner {Email} and a first workspace from Extensible:Bootstrap")]
    public static partial void OwnerBootstrapped(ILogger logger, string email);

    [LoggerMessage(101, LogLevel.Warning, "No one has an account yet. Finish setting Extensible up at {SetupLink} (the link works on this node, until an owner exists)")]
    public static partial void SetupPending(ILogger logger, string setupLink);
}
