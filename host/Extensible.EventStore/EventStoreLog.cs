using Microsoft.Extensions.Logging;

namespace Extensible.EventStore;

internal static partial class EventStoreLog
{
    [LoggerMessage(1001, LogLevel.Information, "Event store schema '{Schema}': applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, string schema, int version, string name);

    [LoggerMessage(1005, LogLevel.Warning, "The database is not reachable yet ({Reason}); trying again")]
    public static partial void DatabaseNotReady(ILogger logger, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Event store schema '{Schema}': skipped sequence numbers {From}..{To}; the transaction that held them ended without committing")]
    public static partial void GapSkipped(ILogger logger, string schema, long from, long to);

    [LoggerMessage(1003, LogLevel.Warning, "Could not send the event notification; other nodes will find the events by polling")]
    public static partial void NotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Lost the event notification listener; reconnecting in {Delay}")]
    public static partial void ListenerLost(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(1010, LogLevel.Information, "This node now leads projection '{Projection}'")]
    public static partial void LeadershipTaken(ILogger logger, string projection);

    [LoggerMessage(1011, LogLevel.Warning, "Projection '{Projection}' stopped on an error; retrying in {Delay}")]
    public static partial void AgentFailed(ILogger logger, string projection, TimeSpan delay, Exception exception);

    [LoggerMessage(1012, LogLevel.Error, "Projection '{Projection}' dead-lettered event #{Sequence} of stream '{StreamId}' (type '{Alias}') and went on")]
    public static partial void DeadLettered(ILogger logger, string projection, long sequence, string streamId, string alias, Exception exception);

    [LoggerMessage(1013, LogLevel.Information, "Projection '{Projection}' is being rebuilt up to sequence {Target}")]
    public static partial void RebuildStarted(ILogger logger, string projection, long target);

    [LoggerMessage(1020, LogLevel.Error, "A subscription passed over event #{Sequence} of stream '{StreamId}', which cannot be read")]
    public static partial void SubscriptionSkipped(ILogger logger, long sequence, string streamId, Exception exception);

    [LoggerMessage(1021, LogLevel.Warning, "A subscription's handler failed after sequence {Position}; handing the batch over again in {Delay}")]
    public static partial void SubscriptionRetrying(ILogger logger, long position, TimeSpan delay, Exception exception);
}
