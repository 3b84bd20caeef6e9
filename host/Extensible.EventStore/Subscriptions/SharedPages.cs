using System.Collections.Concurrent;
using Extensible.EventStore.Reading;

namespace Extensible.EventStore;

/// <summary>
/// The pages of the event log that this node's followers read, read once and decoded once for all of them. Followers
/// woken by one commit ask for the same page at the same moment: the first read is shared by all who ask for the same
/// position while it runs, and a page that held events is kept for the followers that come to it a little later
/// (a busy handler lags behind the others). A page with events never changes (every event up to its position is
/// committed, none missing), so handing it to a follower that asks later is as good as reading it again.
/// </summary>
internal sealed class SharedPages(EventStore store)
{
    /// <summary>Pages kept after they were read: enough for followers a few pages apart to share them.</summary>
    public const int Kept = 64;

    /// <summary>Events per page.</summary>
    public const int PageSize = 500;

    private readonly ConcurrentDictionary<long, Lazy<Task<DecodedPage>>> _pages = new();
    private readonly ConcurrentQueue<long> _kept = new();
    private long _pagesRead;

    /// <summary>Pages with events read from the database so far (however many followers they were handed to).</summary>
    public long PagesRead => Interlocked.Read(ref _pagesRead);

    /// <summary>The committed events after <paramref name="afterSequence"/>, decoded (those that cannot be read are logged and left out).</summary>
    public async Task<DecodedPage> ReadAsync(long afterSequence, PendingGap? gap, CancellationToken cancellationToken)
    {
        var read = _pages.GetOrAdd(afterSequence, after => new Lazy<Task<DecodedPage>>(() => ReadAndDecodeAsync(after, gap)));
        DecodedPage page;
        try
        {
            page = await read.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed read is not kept: the next one asks the database again.
            _pages.TryRemove(new(afterSequence, read));
            throw;
        }

        return page;
    }

    // Runs once per page, for whoever asks: not cancelled by the first follower that stops waiting (Npgsql's command
    // timeout still bounds it).
    private async Task<DecodedPage> ReadAndDecodeAsync(long afterSequence, PendingGap? gap)
    {
        CommittedPage page;
        try
        {
            page = await store.Rows.ReadCommittedAsync(afterSequence, PageSize, gap, CancellationToken.None);
        }
        catch
        {
            Forget(afterSequence);
            throw;
        }

        var events = new List<StoredEvent>(page.Events.Count);
        foreach (var raw in page.Events)
        {
            try
            {
                events.Add(raw.Deserialize(store.Options.Events));
            }
            catch (EventDeserializationException e)
            {
                EventStoreLog.SubscriptionSkipped(store.Logger, e.Sequence, e.StreamId, e);
            }
        }

        if (page.Position == afterSequence)
        {
            // Nothing new: the next commit will make it another page, so nobody may be handed this one later.
            Forget(afterSequence);
        }
        else
        {
            Interlocked.Increment(ref _pagesRead);
            Keep(afterSequence);
        }

        return new DecodedPage(events, page.Position, page.Gap);
    }

    private void Keep(long afterSequence)
    {
        _kept.Enqueue(afterSequence);
        while (_kept.Count > Kept && _kept.TryDequeue(out var oldest))
        {
            _pages.TryRemove(oldest, out _);
        }
    }

    private void Forget(long afterSequence) => _pages.TryRemove(afterSequence, out _);
}

/// <summary>A page of the event log as followers see it: the readable events, where it ends, and a hole still waited on.</summary>
internal sealed record DecodedPage(IReadOnlyList<StoredEvent> Events, long Position, PendingGap? Gap);
