using System.Collections.Concurrent;

namespace Extensible.Publishing.Publisher;

/// <summary>At most a given number of calls at once per key (an account, a connector).</summary>
internal sealed class ConcurrencyGates(int perKey)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot of <paramref name="key"/>; disposing the answer frees it.</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(perKey, perKey));
        await gate.WaitAsync(cancellationToken);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _freed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
