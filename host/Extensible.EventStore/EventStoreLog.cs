using Microsoft.Extensions.Logging;

namespace Extensible.EventStore;

internal static partial class EventStoreLog
{

    [LoggerMessage(1001, LogLevel.Information, "Event store schema '{Schema}': {Outcome} ({Milliseconds} ms)")]
    public static partial void SchemaReady(ILogger logger, string schema, string outcome, long milliseconds);

    [LoggerMessage(1005, LogLevel.Warning, "The database is not reachable yet ({Reason}); trying again")]
    public static partial void DatabaseNotReady(ILogger logger, string reason);


    [LoggerMessage(1003, LogLevel.Warning, "Could not send the event notification; other nodes will find the events by polling")]
    public static partial void NotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Lost the event notification listener; reconnecting in {Delay}")]
    public static partial void ListenerLost(ILogger logger, TimeSpan delay, Exception exception);





    [LoggerMessage(1020, LogLevel.Error, "A subscription passed over event #{Sequence} of stream '{StreamId}', which cannot be read")]
    public static partial void SubscriptionSkipped(ILogger logger, long sequence, string streamId, Exception exception);

    [LoggerMessage(1021, LogLevel.Warning, "A subscription's handler failed after sequence {Position}; handing the batch over again in {Delay}")]
    public static partial void SubscriptionRetrying(ILogger logger, long position, TimeSpan delay, Exception exception);
}
