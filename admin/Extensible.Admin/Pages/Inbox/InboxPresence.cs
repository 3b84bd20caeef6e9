using System.Collections.Concurrent;
using Extensible.Admin.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Who has which thread open, and who is typing a reply: kept per live connection on this node, told through
/// <see cref="ConsoleHub.ThreadPresence"/>, and pushed to everyone who has the thread open. Typing ends by itself
/// <see cref="TypingFor"/> after the last keystroke, and a closed connection leaves every thread it was in. The other nodes
/// of the installation hear of it through <see cref="InboxPresenceRelay"/>, and what they tell joins what is shown here.
/// </summary>
public sealed partial class InboxPresence(IHubContext<ConsoleHub> hub, FragmentRenderer renderer, TimeProvider clock, ILogger<InboxPresence> logger)
{
    /// <summary>How long "is replying" stays after the last keystroke.</summary>
    public static readonly TimeSpan TypingFor = TimeSpan.FromSeconds(5);

    private const string ArrivalPartial = "/Pages/Inbox/_Arrival.cshtml";

    // At most this many people of one node per notice (a notice must stay under PostgreSQL's 8,000 bytes).
    private const int NoticeViewers = 20;

    private readonly ConcurrentDictionary<(string Workspace, Guid Thread), ConcurrentDictionary<string, Presence>> _threads = new();
    private readonly ConcurrentDictionary<(string Workspace, Guid Thread), ConcurrentDictionary<string, Heard>> _elsewhere = new();

    /// <summary>This node, as the others know it.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Tells the other nodes; set by <see cref="InboxPresenceRelay"/> when the host has a database.</summary>
    public Func<InboxPresenceNotice, CancellationToken, Task>? Relay { get; set; }

    /// <summary>Whether <paramref name="connectionId"/> has <paramref name="threadId"/> open.</summary>
    public bool Has(string workspaceId, Guid threadId, string connectionId) =>
        _threads.TryGetValue((workspaceId, threadId), out var here) && here.ContainsKey(connectionId);

    /// <summary>Notes that a connection has the thread open (typing or not) and tells everyone in it.</summary>
    public async Task HereAsync(string workspaceId, Guid threadId, string connectionId, Guid userId, string name, bool typing, CancellationToken cancellationToken)
    {
        var until = typing ? clock.GetUtcNow() + TypingFor : (DateTimeOffset?)null;
        var here = _threads.GetOrAdd((workspaceId, threadId), _ => new(StringComparer.Ordinal));
        var before = here.TryGetValue(connectionId, out var was) ? was : null;
        here[connectionId] = new Presence(userId, name, until);

        // Nothing to tell when a viewer only says again that they are here (a reconnect, a keystroke while already typing).
        if (before is not null && (before.TypingUntil is not null) == typing && !typing)
        {
            return;
        }

        await TellAsync(workspaceId, threadId, cancellationToken);
        if (typing)
        {
            _ = EndTypingLaterAsync(workspaceId, threadId);
        }
    }

    /// <summary>Notes that a connection closed the thread.</summary>
    public async Task LeftAsync(string workspaceId, Guid threadId, string connectionId, CancellationToken cancellationToken)
    {
        if (_threads.TryGetValue((workspaceId, threadId), out var here) && here.TryRemove(connectionId, out _))
        {
            await TellAsync(workspaceId, threadId, cancellationToken);
        }
    }

    /// <summary>Notes that a connection closed: it leaves every thread it had open.</summary>
    public async Task ClosedAsync(string connectionId)
    {
        foreach (var ((workspace, thread), here) in _threads)
        {
            if (here.TryRemove(connectionId, out _))
            {
                await TellAsync(workspace, thread, CancellationToken.None);
            }
        }
    }

    /// <summary>Who has the thread open now, here and on the other nodes, one entry per person.</summary>
    public InboxPresenceView Snapshot(string workspaceId, Guid threadId)
    {
        var oldest = clock.GetUtcNow() - InboxPresenceRelay.ForgetAfter;
        var elsewhere = _elsewhere.TryGetValue((workspaceId, threadId), out var nodes)
            ? nodes.Values.Where(h => h.At > oldest).SelectMany(h => h.Viewers)
            : [];
        var viewers = Here(workspaceId, threadId).Concat(elsewhere)
            .GroupBy(v => v.UserId).Select(g => new InboxViewer(g.Key, g.First().Name, g.Any(v => v.Typing))).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        return new InboxPresenceView(threadId, viewers);
    }

    /// <summary>Takes in what another node told: who is in a thread there now.</summary>
    public async Task HeardAsync(InboxPresenceNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Node == Node)
        {
            return;
        }

        var nodes = _elsewhere.GetOrAdd((notice.WorkspaceId, notice.ThreadId), _ => new(StringComparer.Ordinal));
        var before = nodes.TryGetValue(notice.Node, out var was) ? was.Viewers : [];
        if (notice.Viewers.Count == 0)
        {
            nodes.TryRemove(notice.Node, out _);
        }
        else
        {
            nodes[notice.Node] = new Heard([.. notice.Viewers.Take(NoticeViewers)], clock.GetUtcNow());
        }

        // A node saying again what it said before (its regular round) changes nothing on the page.
        if (!before.SequenceEqual(notice.Viewers))
        {
            await ShowAsync(notice.WorkspaceId, notice.ThreadId, cancellationToken);
        }
    }

    /// <summary>Tells the other nodes again who is in every thread open here (they forget what is not said again).</summary>
    public async Task AnnounceAllAsync(CancellationToken cancellationToken)
    {
        foreach (var ((workspace, thread), here) in _threads)
        {
            if (!here.IsEmpty)
            {
                await RelayAsync(workspace, thread, cancellationToken);
            }
        }
    }

    /// <summary>Forgets what nodes that stopped telling (stopped, cut off) last said, and shows the threads without them.</summary>
    public async Task ForgetSilentNodesAsync(CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - InboxPresenceRelay.ForgetAfter;
        foreach (var ((workspace, thread), nodes) in _elsewhere)
        {
            var forgotten = false;
            foreach (var (node, heard) in nodes)
            {
                forgotten |= heard.At <= oldest && nodes.TryRemove(node, out _);
            }

            if (forgotten)
            {
                await ShowAsync(workspace, thread, cancellationToken);
            }
        }
    }

    // The people who have the thread open on this node.
    private List<InboxViewer> Here(string workspaceId, Guid threadId)
    {
        var now = clock.GetUtcNow();
        return _threads.TryGetValue((workspaceId, threadId), out var here)
            ? [.. here.Values.GroupBy(p => p.UserId).Select(g => new InboxViewer(g.Key, g.First().Name, g.Any(p => p.TypingUntil > now))).OrderBy(v => v.Name, StringComparer.Ordinal)]
            : [];
    }

    // A change on this node: shown here and told to the others.
    private async Task TellAsync(string workspaceId, Guid threadId, CancellationToken cancellationToken)
    {
        await ShowAsync(workspaceId, threadId, cancellationToken);
        await RelayAsync(workspaceId, threadId, cancellationToken);
    }

    private async Task RelayAsync(string workspaceId, Guid threadId, CancellationToken cancellationToken)
    {
        if (Relay is { } relay)
        {
            var here = Here(workspaceId, threadId).Take(NoticeViewers).Select(v => v with { Name = v.Name.Length > 100 ? v.Name[..100] : v.Name }).ToList();
            await relay(new InboxPresenceNotice(Node, workspaceId, threadId, here), cancellationToken);
        }
    }

    private async Task ShowAsync(string workspaceId, Guid threadId, CancellationToken cancellationToken)
    {
        try
        {
            var html = await renderer.RenderPartialAsync(ArrivalPartial, new InboxArrival(Presence: Snapshot(workspaceId, threadId)), cancellationToken);
            var groups = InboxThreadPanel.Renderings.Select(m => ConsoleGroups.View(workspaceId, InboxThreadPanel.ThreadView(threadId, m))).ToList();
            await hub.Clients.Groups(groups).SendAsync(ConsoleHub.SwapMethod, html, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TellFailed(logger, threadId, e);
        }
    }

    // Typing ends by itself: once the last keystroke is old enough, everyone is told again (unless another came meanwhile).
    private async Task EndTypingLaterAsync(string workspaceId, Guid threadId)
    {
        await Task.Delay(TypingFor + TimeSpan.FromMilliseconds(200), clock);
        var now = clock.GetUtcNow();
        if (_threads.TryGetValue((workspaceId, threadId), out var here) && !here.Values.Any(p => p.TypingUntil > now)
            && here.Values.Any(p => p.TypingUntil is not null))
        {
            foreach (var (connection, presence) in here)
            {
                if (presence.TypingUntil <= now)
                {
                    here.TryUpdate(connection, presence with { TypingUntil = null }, presence);
                }
            }

            await TellAsync(workspaceId, threadId, CancellationToken.None);
        }
    }

    private sealed record Presence(Guid UserId, string Name, DateTimeOffset? TypingUntil);

    private sealed record Heard(IReadOnlyList<InboxViewer> Viewers, DateTimeOffset At);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Could not tell who is in inbox thread {ThreadId}")]
    private static partial void TellFailed(ILogger logger, Guid threadId, Exception exception);
}
