namespace Extensible.EventStore;

/// <summary>How far a projection rebuild has come.</summary>
/// <param name="Projection">The projection's name.</param>
/// <param name="Applied">The sequence reached.</param>
/// <param name="Target">The sequence the rebuild runs up to.</param>
public sealed record RebuildProgress(string Projection, long Applied, long Target)
{
    /// <summary>Done fraction between 0 and 1.</summary>
    public double Fraction => Target <= 0 ? 1 : Math.Clamp((double)Applied / Target, 0, 1);
}
