namespace Extensible.EventStore;

/// <summary>A stream folded into a state.</summary>
/// <param name="State">The folded state.</param>
/// <param name="Version">The version of the last event folded in; 0 for a stream without events. Pass it as the expected version of the next append.</param>
public sealed record Aggregate<TState>(TState State, long Version);
