using Xunit;

namespace Extensible.Testing;

/// <summary>Waits for something another thread or process does, polling briefly, and fails with what was awaited.</summary>
public static class Eventually
{
    /// <summary>How long a condition may take when the test does not say.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (<see cref="DefaultTimeout"/> when not given).</summary>
    /// <param name="condition">What must come to hold.</param>
    /// <param name="what">What is awaited, for the failure message ("the plugin runs").</param>
    /// <param name="timeout">How long it may take.</param>
    /// <returns>When it holds.</returns>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return HoldsAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (<see cref="DefaultTimeout"/> when not given).</summary>
    /// <param name="condition">What must come to hold, asked again until it does.</param>
    /// <param name="what">What is awaited, for the failure message ("the projection catches up").</param>
    /// <param name="timeout">How long it may take.</param>
    /// <returns>When it holds.</returns>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
