using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>
/// Compares JSON by meaning: a PDS stores records as DAG-CBOR, whose keys are sorted (shortest first), so a record reads
/// back with its keys in another order than it was written in.
/// </summary>
public static class SameJson
{
    public static void Equal(string expected, JsonElement actual)
    {
        var want = JsonNode.Parse(expected);
        var got = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(want, got), $"The JSON differs in meaning.{Environment.NewLine}Expected: {want?.ToJsonString()}{Environment.NewLine}Actual:   {got?.ToJsonString()}");
    }
}
