namespace Extensible.EventStore;

/// <summary>Special values for the version a stream must be at when appending.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version is.</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet (or hold no events).</summary>
    public const long NoStream = 0;
}
