using Microsoft.Extensions.Logging;

namespace Extensible.Publishing.Accounts;

// Connected accounts' log messages: ids and reasons only, never credentials.
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Account {AccountId} refreshed its credentials; they now expire at {ExpiresAt}")]
    public static partial void CredentialsRefreshed(ILogger logger, Guid accountId, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Account {AccountId} needs a reconnect: {Reason}")]
    public static partial void NeedsReconnect(ILogger logger, Guid accountId, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Account {AccountId} could not refresh its credentials yet ({Reason}); the old ones still work and the next use tries again")]
    public static partial void RefreshPostponed(ILogger logger, Guid accountId, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Account {AccountId}'s stored credentials cannot be decrypted (data protection key ring changed?)")]
    public static partial void CredentialsUnreadable(ILogger logger, Guid accountId, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Account {AccountId} ({PlatformKey}) connected to workspace {WorkspaceId}")]
    public static partial void Connected(ILogger logger, Guid accountId, string platformKey, Guid workspaceId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Account {AccountId} disconnected from workspace {WorkspaceId}; its credentials are forgotten")]
    public static partial void Disconnected(ILogger logger, Guid accountId, Guid workspaceId);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Refreshing credentials about to expire failed for account {AccountId}")]
    public static partial void BackgroundRefreshFailed(ILogger logger, Guid accountId, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Account {AccountId} keeps the credentials its connector renewed during a call (expiring {ExpiresAt})")]
    public static partial void RenewedCredentialsKept(ILogger logger, Guid accountId, DateTimeOffset? expiresAt);
}
