using Xunit;

namespace Extensible.Testing;

/// <summary>Waits for something another thread or process does, polling briefly, and fails with what was awaited.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (15 s by default).</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await HoldsAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <summary>Returns once <paramref name="condition"/> (a query, say) holds; fails after <paramref name="timeout"/> (15 s by default).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
