using System.Collections.Concurrent;

namespace Extensible.Admin.Live;

/// <summary>The console connections open on this node, so a change of someone's rights can find and close theirs.</summary>
public sealed class OpenConnections
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>How many connections are open.</summary>
    public int Count => _connections.Count;

    /// <summary>Notes an opened connection.</summary>
    public void Add(LiveConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.Id] = connection;
    }

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The open connection <paramref name="connectionId"/>, or null.</summary>
    public LiveConnection? Find(string connectionId) => _connections.TryGetValue(connectionId, out var connection) ? connection : null;

    /// <summary>The open connections of the people in <paramref name="userIds"/>.</summary>
    public IReadOnlyList<LiveConnection> Of(IReadOnlySet<Guid> userIds) => [.. _connections.Values.Where(c => userIds.Contains(c.UserId))];
}
