namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ManualClock()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
