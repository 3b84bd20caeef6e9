namespace Extensible.EventStore;

/// <summary>Who and what caused an append; stored with every event of the batch.</summary>
public sealed record EventMetadata
{
    /// <summary>The tenant used when none is given.</summary>
    public const string DefaultTenant = "default";

    /// <summary>An empty set of metadata for the default tenant.</summary>
    public static EventMetadata None { get; } = new();

    /// <summary>The tenant (workspace) the streams belong to.</summary>
    public string Tenant { get; init; } = DefaultTenant;

    /// <summary>Ties together everything done for one request or job.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message or event that caused this one.</summary>
    public string? CausationId { get; init; }

    /// <summary>The user (or plugin, or system job) on whose behalf the events were written.</summary>
    public string? User { get; init; }

    /// <summary>Free-form headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
