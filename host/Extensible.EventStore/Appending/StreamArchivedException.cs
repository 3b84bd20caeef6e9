namespace Extensible.EventStore;

/// <summary>An append to an archived stream, which takes no more events. Nothing was written.</summary>
public sealed class StreamArchivedException(string tenant, string streamId)
    : Exception($"Stream '{streamId}' (tenant '{tenant}') is archived and takes no more events; nothing was appended.")
{
    /// <summary>The tenant of the stream.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>The archived stream.</summary>
    public string StreamId { get; } = streamId;
}
