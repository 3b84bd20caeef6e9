namespace Extensible.EventStore;

/// <summary>An append lost a race: the stream was not at the expected version. Nothing was written.</summary>
public sealed class StreamConcurrencyException(string tenant, string streamId, long expectedVersion, long actualVersion, Exception? inner = null)
    : Exception($"Stream '{streamId}' (tenant '{tenant}') was expected at version {expectedVersion} but is at version {actualVersion}; nothing was appended.", inner)
{
    /// <summary>The tenant of the stream.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>The stream that moved on.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>The version the caller expected.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version the stream is at.</summary>
    public long ActualVersion { get; } = actualVersion;
}
