namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>
/// Serializes the sandbox's read-modify-write updates of its store (the account counter, an account's list of posts)
/// within one node. The plugin store has no compare-and-set; across nodes two simultaneous updates can still race,
/// which a simulated network can live with.
/// </summary>
internal static class SandboxStoreGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task RunAsync(Func<Task> update, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                await update().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public static async Task<T> RunAsync<T>(Func<Task<T>> update, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await update().ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
