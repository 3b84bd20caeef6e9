namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>A request the fake PDS received.</summary>
public sealed record FakeCall(string Method, string Nsid, string Query, string Authorization, string Proxy, string? ContentType, byte[] Body);
