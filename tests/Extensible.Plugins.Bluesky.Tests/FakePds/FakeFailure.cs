namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>A failure the fake PDS answers a coming call with (any method when <paramref name="Nsid"/> is null).</summary>
public sealed record FakeFailure(string? Nsid, int Skip, int Status, string Error, string Message)
{
    public DateTimeOffset? ResetAt { get; init; }
}
