namespace Extensible.EventStore;

/// <summary>What the store knows of a stream itself.</summary>
/// <param name="Tenant">The tenant the stream belongs to.</param>
/// <param name="Id">The stream id.</param>
/// <param name="Type">What the stream is, as given when it was created.</param>
/// <param name="Version">The version of its latest event.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Archived">Whether it takes no more events.</param>
public sealed record StreamState(string Tenant, string Id, string? Type, long Version, DateTimeOffset Created, DateTimeOffset Updated, bool Archived);
