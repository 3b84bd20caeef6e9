using System.Text.Json;
using Extensible.Plugins.Mastodon.Network;

namespace Extensible.Plugins.Mastodon.Inbox;

/// <summary>
/// The conversations read in one poll, to give a direct mention notification the id of its conversation (a status does
/// not say which conversation it is in). A status that is a conversation's <c>last_status</c> is in that conversation;
/// one that is not (a later message followed it before the poll) is in the conversation whose participants include all
/// of its own (author and mentions, the account itself left out) and that moved last at or soonest after it. A status
/// found in neither has no conversation id: the host threads it with its author's other direct messages.
/// </summary>
internal sealed class DirectConversations
{
    private readonly List<(string Id, string LastStatusId, HashSet<string> Participants)> _conversations = [];

    public DirectConversations(IEnumerable<JsonElement> conversations)
    {
        foreach (var conversation in conversations)
        {
            if (conversation.String("id") is { Length: > 0 } id && conversation.Object("last_status").String("id") is { Length: > 0 } last)
            {
                _conversations.Add((id, last, [.. conversation.Array("accounts").Select(a => a.String("id")).OfType<string>()]));
            }
        }
    }

    /// <summary>The id of the conversation <paramref name="status"/> is in, or <see langword="null"/> when none read says.</summary>
    public string? Of(JsonElement status, string ownAccountId)
    {
        if (status.String("id") is not { Length: > 0 } id)
        {
            return null;
        }

        if (_conversations.Find(c => c.LastStatusId == id) is { Id: not null } exact)
        {
            return exact.Id;
        }

        var participants = status.Array("mentions").Select(m => m.String("id")).Append(status.Object("account").String("id"))
            .OfType<string>().Where(p => p != ownAccountId).ToHashSet(StringComparer.Ordinal);
        return _conversations
            .Where(c => participants.Count > 0 && c.Participants.IsSupersetOf(participants) && NewerPages.AtLeast(c.LastStatusId, id))
            .OrderBy(c => c.LastStatusId.Length).ThenBy(c => c.LastStatusId, StringComparer.Ordinal)
            .Select(c => c.Id)
            .FirstOrDefault();
    }
}
