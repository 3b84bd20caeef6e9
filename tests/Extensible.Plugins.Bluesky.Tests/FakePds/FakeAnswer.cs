using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>What the fake PDS answers: a status and an XRPC JSON body.</summary>
public sealed record FakeAnswer(int Status, JsonObject? Json)
{
    /// <summary>For 429: when the window resets.</summary>
    public DateTimeOffset? ResetAt { get; init; }
}
