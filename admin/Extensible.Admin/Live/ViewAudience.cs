using System.Collections.Concurrent;

namespace Extensible.Admin.Live;

/// <summary>
/// Which view groups have connections on this node, so a follower renders a push only when someone here looks at the
/// view (a publisher's burst changes thousands of posts; nobody may have the calendar open).
/// </summary>
public sealed class ViewAudience
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groupsOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _members = new(StringComparer.Ordinal);

    /// <summary>Whether a connection on this node is in <paramref name="group"/>.</summary>
    public bool Any(string group) => _members.TryGetValue(group, out var count) && count > 0;

    /// <summary>Notes that <paramref name="connectionId"/> joined <paramref name="group"/>.</summary>
    public void Joined(string connectionId, string group)
    {
        if (_groupsOf.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal)).TryAdd(group, 0))
        {
            _members.AddOrUpdate(group, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Notes that <paramref name="connectionId"/> left <paramref name="group"/>.</summary>
    public void Left(string connectionId, string group)
    {
        if (_groupsOf.TryGetValue(connectionId, out var groups) && groups.TryRemove(group, out _))
        {
            _members.AddOrUpdate(group, 0, (_, n) => Math.Max(0, n - 1));
        }
    }

    /// <summary>Notes that <paramref name="connectionId"/> closed: it leaves every group.</summary>
    public void Closed(string connectionId)
    {
        if (_groupsOf.TryRemove(connectionId, out var groups))
        {
            foreach (var group in groups.Keys)
            {
                _members.AddOrUpdate(group, 0, (_, n) => Math.Max(0, n - 1));
            }
        }
    }
}
