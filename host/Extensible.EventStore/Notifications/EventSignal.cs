namespace Extensible.EventStore.Notifications;

/// <summary>
/// Wakes this node's readers when events may have been committed. Take <see cref="Next"/> before looking
/// for work, then await it if there was none, so that no wake-up falls between the two.
/// </summary>
internal sealed class EventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next pulse.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="next"/> or the poll interval, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(pollInterval, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling is the safety net for notifications lost while a connection was down.
        }
    }
}
