namespace Extensible.Admin.Pages.Inbox;

/// <summary>What the thread panel says after an action that did not go through: what changed meanwhile, or why not.</summary>
/// <param name="Message">The sentence to show (plain text).</param>
/// <param name="Changes">What others did since the moderator looked, in words; empty for a refusal.</param>
public sealed record InboxNotice(string Message, IReadOnlyList<string> Changes)
{
    /// <summary>A refusal with its reason.</summary>
    public static InboxNotice Refused(string message) => new(message, []);
}
