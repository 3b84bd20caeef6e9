namespace Extensible.Host.Security;

public static partial class SecurityLog
{
    [LoggerMessage(100, LogLevel.Information, "Created the owner {Email} and a first workspace from Extensible:Bootstrap")]
    public static partial void OwnerBootstrapped(ILogger logger, string email);

    [LoggerMessage(102, LogLevel.Warning, "Extensible:Bootstrap:OperatorEmail names {Email}, but no account has that email: nobody was made a server operator")]
    public static partial void OperatorToNameHasNoAccount(ILogger logger, string email);

    [LoggerMessage(103, LogLevel.Warning, "Made {Email} a server operator, as Extensible:Bootstrap:OperatorEmail says")]
    public static partial void OperatorNamedFromSettings(ILogger logger, string email);

    [LoggerMessage(101, LogLevel.Warning, "No one has an account yet. Finish setting Extensible up at {SetupLink} (the link works on this node, until an owner exists)")]
    public static partial void SetupPending(ILogger logger, string setupLink);
}
