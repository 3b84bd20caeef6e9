using System.ComponentModel;
using Extensible.Inbox.SavedReplies;

namespace Extensible.Host.Api;

/// <summary>An item of a thread as liked or unliked on the network.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="ItemId">The network's id of the item.</param>
/// <param name="Liked">Whether the account likes it now.</param>
/// <param name="Version">The thread's version after the action (send it with the next action).</param>
public sealed record InboxItemLikeResponse(Guid ThreadId, string ItemId, bool Liked, long Version);

/// <summary>A saved reply of the workspace, its variables unfilled.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What moderators pick it by.</param>
/// <param name="Text">Its text, with variables such as {author.name}.</param>
/// <param name="Shortcut">A short word to find it by, or null.</param>
/// <param name="Version">Its version: send it with an edit.</param>
/// <param name="UpdatedAt">When it was last saved.</param>
/// <param name="UpdatedBy">Who last saved it.</param>
public sealed record SavedReplyResponse(Guid Id, string Name, string Text, string? Shortcut, long Version, DateTimeOffset UpdatedAt, Guid UpdatedBy)
{
    internal static SavedReplyResponse From(SavedReply reply) =>
        new(reply.Id, reply.Name, reply.Text, reply.Shortcut, reply.Version, reply.UpdatedAt, reply.UpdatedBy);
}

/// <summary>A saved reply to create or change.</summary>
/// <param name="Name">1 to 100 characters, one per workspace.</param>
/// <param name="Text">1 to 10,000 characters; only the known variables.</param>
/// <param name="Shortcut">Lowercase letters, digits and dashes, one per workspace; null for none.</param>
/// <param name="Version">For a change: the version you saw (a saved reply changed since answers 409); leave out to overwrite.</param>
public sealed record SavedReplyRequest(
    [property: Description("1 to 100 characters, one per workspace.")] string? Name,
    [property: Description("1 to 10,000 characters; variables: {author.name}, {author.handle}, {account.name}, {account.handle}, {me.name}, {network}.")] string? Text,
    [property: Description("Lowercase letters, digits and dashes (1 to 30), one per workspace; null for none.")] string? Shortcut = null,
    [property: Description("For a change: the version you saw; a saved reply changed since answers 409. Leave out to overwrite.")] long? Version = null);

/// <summary>A saved reply filled for a thread.</summary>
/// <param name="Text">The text to insert into a reply.</param>
/// <param name="Missing">Variables the thread has no value for: left in the text as written, for the moderator to fill in (a reply still holding one is refused).</param>
public sealed record FilledReplyResponse(string Text, IReadOnlyList<string> Missing);
