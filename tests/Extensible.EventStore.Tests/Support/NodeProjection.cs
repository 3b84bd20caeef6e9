using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Extensible.EventStore.Tests.Support;

/// <summary>
/// An async projection that writes one row per event with the name of the node that projected it, into a read-model
/// table declared to Marten: an event projected twice, or by two nodes, shows in the table.
/// </summary>
public sealed class NodeProjection(string node) : IProjection
{
    public const string Name = "node_projection";

    private int _batches;

    /// <summary>
    /// While set, every batch queues its rows and then one row the table refuses (no node), so the database fails the
    /// batch's write after it wrote the good rows in the same transaction.
    /// </summary>
    public bool Failing { get; set; }

    /// <summary>How many batches Marten handed over.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>Declares the table and registers <paramref name="projection"/> with the async lifecycle.</summary>
    public static Action<StoreOptions> On(NodeProjection projection) => options =>
    {
        var table = options.AddReadModelTable("projected");
        table.AddColumn("seq", "bigint").NotNull();
        table.AddColumn("node", "text").NotNull();
        options.Projections.Add(projection, ProjectionLifecycle.Async, Name);
    };

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _batches);
        foreach (var e in events)
        {
            operations.QueueSql("insert into projected (seq, node) values ($1, $2)", e.Sequence, node);
        }

        if (Failing)
        {
            operations.QueueSql("insert into projected (seq, node) values ($1, null)", events[^1].Sequence);
        }

        return Task.CompletedTask;
    }
}
