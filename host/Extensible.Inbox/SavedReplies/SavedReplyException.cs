namespace Extensible.Inbox.SavedReplies;

/// <summary>A saved reply was refused: <see cref="Field"/> (<c>name</c>, <c>text</c>, <c>shortcut</c>) names what to change. Nothing was stored.</summary>
public sealed class SavedReplyException(string field, string message) : Exception(message)
{
    /// <summary>The field at fault, as the API names it.</summary>
    public string Field { get; } = field;
}

/// <summary>The saved reply changed since the version the moderator saw: nothing was stored.</summary>
public sealed class SavedReplyChangedException(Guid savedReplyId) : Exception("The saved reply was changed meanwhile; look at it again and save once more.")
{
    /// <summary>The saved reply.</summary>
    public Guid SavedReplyId { get; } = savedReplyId;
}
