using System.Collections.Concurrent;

namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>
/// Serializes the sandbox's read-modify-write updates of one key of its store (the account counter, an account's list
/// of posts) within one node; updates of different keys go on at once. The plugin store has no compare-and-set; across
/// nodes two simultaneous updates can still race, which a simulated network can live with.
/// </summary>
internal static class SandboxStoreGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static Task RunAsync(string key, Func<Task> update, CancellationToken cancellationToken) =>
        RunAsync(
            key,
            async () =>
            {
                await update().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public static async Task<T> RunAsync<T>(string key, Func<Task<T>> update, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await update().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
