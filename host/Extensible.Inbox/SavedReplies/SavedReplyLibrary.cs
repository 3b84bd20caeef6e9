using Extensible.EventStore;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using Npgsql;

namespace Extensible.Inbox.SavedReplies;

/// <summary>
/// A workspace's library of saved replies: each is a stream of its own (<see cref="InboxStreams.SavedReply"/>), listed from
/// the inline read model. Names and shortcuts are one per workspace; a text may use only the known variables
/// (<see cref="SavedReplyTemplate"/>), filled for a thread when a moderator inserts it.
/// </summary>
public sealed class SavedReplyLibrary(EventStore.EventStore store, NpgsqlDataSource db, InboxBoard board, InboxNetworks networks, PeopleDirectory people)
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest shortcut.</summary>
    public const int MaxShortcutLength = 30;

    /// <summary>The most saved replies a workspace keeps (the picker lists them all).</summary>
    public const int MaxPerWorkspace = 500;

    private const string Columns = "id, name, text, shortcut, version, updated, updated_by";

    /// <summary>The workspace's saved replies by name.</summary>
    public async Task<IReadOnlyList<SavedReply>> ListAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from {SavedReplyTables.Table} where workspace_id = $1 order by name_key, id limit {MaxPerWorkspace}");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One saved reply of the workspace, or null.</summary>
    public async Task<SavedReply?> FindAsync(Guid workspaceId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from {SavedReplyTables.Table} where workspace_id = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await ReadAsync(command, cancellationToken) is [var reply, ..] ? reply : null;
    }

    /// <summary>Adds a saved reply; answers its id.</summary>
    /// <exception cref="SavedReplyException">The name, text or shortcut is refused.</exception>
    public async Task<Guid> CreateAsync(Guid workspaceId, string? name, string? text, string? shortcut, Guid by, CancellationToken cancellationToken = default)
    {
        var (n, t, s) = Check(name, text, shortcut);
        if ((await ListAsync(workspaceId, cancellationToken)).Count >= MaxPerWorkspace)
        {
            throw new SavedReplyException("name", $"A workspace keeps at most {MaxPerWorkspace} saved replies; delete one first.");
        }

        await CheckUniqueAsync(workspaceId, null, n, s, cancellationToken);
        var id = Guid.CreateVersion7();
        await AppendAsync(workspaceId, id, ExpectedVersion.NoStream, new SavedReplyCreated(id, workspaceId, n, t, s, by), by, cancellationToken);
        return id;
    }

    /// <summary>Changes a saved reply; with <paramref name="expectedVersion"/>, only if it is still the version the moderator saw.</summary>
    /// <exception cref="SavedReplyException">The name, text or shortcut is refused.</exception>
    /// <exception cref="SavedReplyChangedException">Someone saved it since <paramref name="expectedVersion"/>.</exception>
    /// <returns>False when the workspace has no such saved reply.</returns>
    public async Task<bool> EditAsync(
        Guid workspaceId, Guid id, string? name, string? text, string? shortcut, long? expectedVersion, Guid by, CancellationToken cancellationToken = default)
    {
        var (n, t, s) = Check(name, text, shortcut);
        if (await FindAsync(workspaceId, id, cancellationToken) is not { } current)
        {
            return false;
        }

        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new SavedReplyChangedException(id);
        }

        await CheckUniqueAsync(workspaceId, id, n, s, cancellationToken);
        await AppendAsync(workspaceId, id, expectedVersion ?? current.Version, new SavedReplyEdited(id, workspaceId, n, t, s, by), by, cancellationToken);
        return true;
    }

    /// <summary>Removes a saved reply; false when the workspace has no such saved reply.</summary>
    public async Task<bool> DeleteAsync(Guid workspaceId, Guid id, Guid by, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(workspaceId, id, cancellationToken) is not { } current)
        {
            return false;
        }

        await AppendAsync(workspaceId, id, current.Version, new SavedReplyDeleted(id, workspaceId, by), by, cancellationToken);
        return true;
    }

    /// <summary>What the variables stand for in a thread, for <paramref name="me"/> inserting it; null when the workspace has no such thread.</summary>
    public async Task<SavedReplyValues?> ValuesAsync(Guid workspaceId, Guid threadId, Guid me, CancellationToken cancellationToken = default)
    {
        if (await board.FindAsync(workspaceId, threadId, cancellationToken) is not { } thread)
        {
            return null;
        }

        var (account, profile) = await networks.ProfileAsync(workspaceId, thread.AccountId, cancellationToken);
        var myName = (await people.FindUserAsync(me, cancellationToken))?.DisplayName;
        return new SavedReplyValues(thread.AuthorName, thread.AuthorHandle, account?.DisplayName, account?.Handle, myName, profile?.DisplayName ?? account?.PlatformKey);
    }

    /// <summary>A saved reply filled for a thread; null when the workspace has no such saved reply or thread.</summary>
    public async Task<FilledReply?> RenderAsync(Guid workspaceId, Guid id, Guid threadId, Guid me, CancellationToken cancellationToken = default) =>
        await FindAsync(workspaceId, id, cancellationToken) is { } reply && await ValuesAsync(workspaceId, threadId, me, cancellationToken) is { } values
            ? SavedReplyTemplate.Fill(reply.Text, values)
            : null;

    /// <summary>The name as names are compared: trimmed, lowercase.</summary>
    internal static string NameKey(string name) => name.Trim().ToLowerInvariant();

    private static (string Name, string Text, string? Shortcut) Check(string? name, string? text, string? shortcut)
    {
        var n = (name ?? string.Empty).Trim();
        if (n.Length is 0 or > MaxNameLength || n.Any(char.IsControl))
        {
            throw new SavedReplyException("name", $"A saved reply needs a name of 1 to {MaxNameLength} characters on one line.");
        }

        var t = (text ?? string.Empty).Trim();
        if (t.Length is 0 or > InboxActions.MaxReplyLength || InboxActions.HasStrayControl(t))
        {
            throw new SavedReplyException("text", $"A saved reply needs a text of 1 to {InboxActions.MaxReplyLength} characters, without control characters other than line breaks and tabs.");
        }

        if (SavedReplyTemplate.Check(t) is { } problem)
        {
            throw new SavedReplyException("text", problem);
        }

        var s = string.IsNullOrWhiteSpace(shortcut) ? null : shortcut.Trim().TrimStart('/').ToLowerInvariant();
        if (s is not null && (s.Length is 0 or > MaxShortcutLength || !s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new SavedReplyException("shortcut", $"A shortcut is 1 to {MaxShortcutLength} letters, digits or dashes (like thanks or refund-1), or nothing.");
        }

        return (n, t, s);
    }

    private async Task CheckUniqueAsync(Guid workspaceId, Guid? self, string name, string? shortcut, CancellationToken cancellationToken)
    {
        foreach (var other in await ListAsync(workspaceId, cancellationToken))
        {
            if (other.Id == self)
            {
                continue;
            }

            if (NameKey(other.Name) == NameKey(name))
            {
                throw new SavedReplyException("name", $"There is already a saved reply named \"{other.Name}\".");
            }

            if (shortcut is not null && other.Shortcut == shortcut)
            {
                throw new SavedReplyException("shortcut", $"The shortcut {shortcut} is taken by \"{other.Name}\".");
            }
        }
    }

    private async Task AppendAsync(Guid workspaceId, Guid id, long expectedVersion, object change, Guid by, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(InboxStreams.SavedReply(id), expectedVersion, [change], new EventMetadata { Tenant = workspaceId.ToString(), User = by.ToString() }, cancellationToken);
        }
        catch (StreamConcurrencyException)
        {
            throw new SavedReplyChangedException(id);
        }
        catch (Exception e) when (UniqueViolation(e) is { } constraint)
        {
            // Another moderator saved the same name or shortcut a moment ago: the read model's index kept it one.
            throw constraint == SavedReplyTables.UniqueShortcut
                ? new SavedReplyException("shortcut", "That shortcut was just taken by another saved reply.")
                : new SavedReplyException("name", "A saved reply with that name was just saved by someone else.");
        }
    }

    private static string? UniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p && p.ConstraintName?.StartsWith(SavedReplyTables.Table, StringComparison.Ordinal) == true)
            {
                return p.ConstraintName;
            }
        }

        return null;
    }

    private static async Task<List<SavedReply>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var replies = new List<SavedReply>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            replies.Add(new SavedReply(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetGuid(6)));
        }

        return replies;
    }
}
