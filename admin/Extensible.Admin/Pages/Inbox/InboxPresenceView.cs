namespace Extensible.Admin.Pages.Inbox;

/// <summary>Who has a thread open now, and who of them is typing a reply.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Viewers">One entry per person (a person with two tabs is there once).</param>
public sealed record InboxPresenceView(Guid ThreadId, IReadOnlyList<InboxViewer> Viewers);

/// <summary>One person in a thread.</summary>
/// <param name="UserId">Who.</param>
/// <param name="Name">Their display name, from their claims.</param>
/// <param name="Typing">Whether they typed in the reply box in the last few seconds.</param>
public sealed record InboxViewer(Guid UserId, string Name, bool Typing);
