namespace Extensible.EventStore;

/// <summary>Events to append to one stream, with the version the stream must be at first.</summary>
/// <param name="StreamId">The stream's id, unique within its tenant.</param>
/// <param name="ExpectedVersion">The stream's current version, <see cref="EventStore.ExpectedVersion.NoStream"/> or <see cref="EventStore.ExpectedVersion.Any"/>.</param>
/// <param name="Events">The events, in order.</param>
/// <param name="StreamType">What the stream is (<c>post</c>, <c>user</c>); recorded when the stream is created.</param>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<NewEvent> Events, string? StreamType = null);
