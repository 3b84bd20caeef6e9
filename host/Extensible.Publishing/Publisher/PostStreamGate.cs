namespace Extensible.Publishing.Publisher;

/// <summary>
/// The publisher's appends to post streams on this node, one at a time. The claims of a burst ("publish started") and
/// its outcomes ("published", "failed") go to the same posts' streams at the same moments, and two appends at any
/// version to one stream race for its next version: the loser's whole batch is sent again (130 times in one drain of
/// the publish benchmark). Nodes still race each other; that is rare, and retried.
/// </summary>
internal sealed class PostStreamGate
{
    private readonly ConcurrencyGates _one = new(1);

    /// <summary>Waits for the other writers of this node; dispose the answer to let the next one in.</summary>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => _one.EnterAsync("post-streams", cancellationToken);
}
