using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>A record in a repository of the fake PDS.</summary>
public sealed record FakeRecord(string Uri, string Cid, string Repo, string Collection, string RecordKey, JsonObject Value, DateTimeOffset IndexedAt);
