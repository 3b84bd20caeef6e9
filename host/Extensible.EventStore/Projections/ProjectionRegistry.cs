namespace Extensible.EventStore;

/// <summary>The projections the store maintains.</summary>
public sealed class ProjectionRegistry
{
    private readonly List<(IProjection Projection, ProjectionLifecycle Lifecycle)> _all = [];

    /// <summary>Adds a projection.</summary>
    public ProjectionRegistry Add(IProjection projection, ProjectionLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (_all.Any(p => p.Projection.Name == projection.Name))
        {
            throw new ArgumentException($"A projection named '{projection.Name}' is already registered.", nameof(projection));
        }

        _all.Add((projection, lifecycle));
        return this;
    }

    /// <summary>Every projection.</summary>
    public IEnumerable<IProjection> All => _all.Select(p => p.Projection);

    internal IReadOnlyList<IProjection> Inline => [.. _all.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).Select(p => p.Projection)];

    internal IReadOnlyList<IProjection> Async => [.. _all.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => p.Projection)];

    internal IProjection Find(string name) =>
        _all.FirstOrDefault(p => p.Projection.Name == name).Projection
        ?? throw new ArgumentException($"No projection is named '{name}'.", nameof(name));

    internal ProjectionLifecycle LifecycleOf(string name) => _all.First(p => p.Projection.Name == name).Lifecycle;
}
