using System.Collections.Concurrent;
using Extensible.Admin.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Who has which thread open on this node, and who is typing a reply: kept per live connection, told through
/// <see cref="ConsoleHub.ThreadPresence"/>, and pushed to everyone who has the thread open. Typing ends by itself
/// <see cref="TypingFor"/> after the last keystroke, and a closed connection leaves every thread it was in.
/// </summary>
public sealed partial class InboxPresence(IHubContext<ConsoleHub> hub, FragmentRenderer renderer, TimeProvider clock, ILogger<InboxPresence> logger)
{
    /// <summary>How long "is replying" stays after the last keystroke.</summary>
    public static readonly TimeSpan TypingFor = TimeSpan.FromSeconds(5);

    private const string ArrivalPartial = "/Pages/Inbox/_Arrival.cshtml";

    private readonly ConcurrentDictionary<(string Workspace, Guid Thread), ConcurrentDictionary<string, Presence>> _threads = new();

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

    /// <summary>Who has the thread open now, one entry per person.</summary>
    public InboxPresenceView Snapshot(string workspaceId, Guid threadId)
    {
        var now = clock.GetUtcNow();
        var viewers = _threads.TryGetValue((workspaceId, threadId), out var here)
            ? here.Values.GroupBy(p => p.UserId).Select(g => new InboxViewer(g.Key, g.First().Name, g.Any(p => p.TypingUntil > now))).OrderBy(v => v.Name, StringComparer.Ordinal).ToList()
            : [];
        return new InboxPresenceView(threadId, viewers);
    }

    private async Task TellAsync(string workspaceId, Guid threadId, CancellationToken cancellationToken)
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

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Could not tell who is in inbox thread {ThreadId}")]
    private static partial void TellFailed(ILogger logger, Guid threadId, Exception exception);
}
