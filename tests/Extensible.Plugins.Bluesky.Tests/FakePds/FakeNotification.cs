namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>A notification the fake AppView holds for an account.</summary>
public sealed record FakeNotification(string RecipientDid, string Reason, FakeRecord Record, string? ReasonSubject, DateTimeOffset IndexedAt);
