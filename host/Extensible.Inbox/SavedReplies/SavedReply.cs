namespace Extensible.Inbox.SavedReplies;

/// <summary>A saved reply of the workspace's library, with its variables unfilled (see <see cref="SavedReplyTemplate"/>).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What moderators pick it by.</param>
/// <param name="Text">Its text, with variables such as <c>{author.name}</c>.</param>
/// <param name="Shortcut">An optional short word to find it by in the picker (lowercase letters, digits and dashes).</param>
/// <param name="Version">Its version: edits name the version they saw.</param>
/// <param name="UpdatedAt">When it was last saved.</param>
/// <param name="UpdatedBy">Who last saved it.</param>
public sealed record SavedReply(Guid Id, string Name, string Text, string? Shortcut, long Version, DateTimeOffset UpdatedAt, Guid UpdatedBy);

/// <summary>A saved reply filled for a thread: the text to insert, and the variables that had no value (left in the text as blanks to fill).</summary>
/// <param name="Text">The filled text.</param>
/// <param name="Missing">The variables left as they were written, because the thread has no value for them.</param>
public sealed record FilledReply(string Text, IReadOnlyList<string> Missing);

/// <summary>What a saved reply's variables stand for in one thread, as far as it is known (null when it is not).</summary>
public sealed record SavedReplyValues(string? AuthorName, string? AuthorHandle, string? AccountName, string? AccountHandle, string? MyName, string? Network);
