using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>
/// Direct conversations as Mastodon keeps them (<c>AccountConversation</c>): one per account and thread, for everyone a
/// <c>direct</c> status mentions and its author; its participants everyone in it but the account; its <c>last_status</c>
/// the newest; unread when someone else wrote that. <c>GET /api/v1/conversations</c> (scope <c>read:statuses</c>) pages
/// them by their last status's id as Mastodon pages lists (<see cref="Paged{T}"/>), <c>limit</c> 20, at most 40.
/// <c>POST /api/v1/conversations/:id/read</c> (scope <c>write:conversations</c>) marks one read. A token sees its own account's conversations only.
/// </summary>
public sealed partial class FakeMastodon
{
    private const int DefaultConversationLimit = 20;
    private const int MaxConversationLimit = 40;
    private readonly List<Conversation> _conversations = [];

    /// <summary>The id of <paramref name="account"/>'s conversation holding <paramref name="statusId"/>, or <see langword="null"/>.</summary>
    public string? ConversationOf(FakeMastodonAccount account, string statusId)
    {
        lock (_gate)
        {
            return _conversations.Find(c => c.Owner.Id == account.Id && c.StatusIds.Contains(statusId))?.Id;
        }
    }

    /// <summary>Whether <paramref name="account"/>'s conversation <paramref name="id"/> is unread.</summary>
    public bool IsUnread(FakeMastodonAccount account, string id)
    {
        lock (_gate)
        {
            return _conversations.Single(c => c.Owner.Id == account.Id && c.Id == id).Unread;
        }
    }

    private void AddToConversations(FakeMastodonStatus status)
    {
        if (status.Visibility != "direct")
        {
            return;
        }

        lock (_gate)
        {
            var everyone = status.Mentions.Append(status.Account).DistinctBy(a => a.Id).ToList();
            foreach (var recipient in everyone)
            {
                var conversation = _conversations.Find(c => c.Owner.Id == recipient.Id && c.ThreadId == status.ThreadId);
                if (conversation is null)
                {
                    conversation = new Conversation(NewId(), recipient, status.ThreadId!);
                    _conversations.Add(conversation);
                }

                conversation.Participants.UnionWith(everyone.Where(a => a.Id != recipient.Id).Select(a => a.Id));
                conversation.StatusIds.Add(status.Id);
                conversation.LastStatus = status;
                conversation.Unread = status.Account.Id != recipient.Id;
            }
        }
    }

    private void MapConversations(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/conversations", (HttpRequest request) =>
        {
            if (Caller(request, out var refused, "read:statuses") is not { } account)
            {
                return refused!;
            }

            lock (_gate)
            {
                // Paged by the last status's id, as Mastodon pages them (a conversation moves up when someone writes in it).
                return Paged(
                    request, _conversations.Where(c => c.Owner.Id == account.Id && c.LastStatus is { Deleted: false }), c => c.LastStatus!.Id,
                    DefaultConversationLimit, MaxConversationLimit,
                    limit => $"{Origin}/api/v1/conversations?limit={limit}&",
                    c => new JsonObject
                    {
                        ["id"] = c.Id,
                        ["unread"] = c.Unread,
                        ["accounts"] = new JsonArray([.. c.Participants.Select(id => (JsonNode)AccountJson(_accounts[id]))]),
                        ["last_status"] = StatusJson(c.LastStatus!),
                    });
            }
        });

        app.MapPost("/api/v1/conversations/{id}/read", (string id, HttpRequest request) =>
        {
            if (Caller(request, out var refused, "write:conversations") is not { } account)
            {
                return refused!;
            }

            lock (_gate)
            {
                if (_conversations.Find(c => c.Owner.Id == account.Id && c.Id == id) is not { } conversation)
                {
                    return Error(404, "Record not found");
                }

                conversation.Unread = false;
                return Json(new JsonObject
                {
                    ["id"] = conversation.Id,
                    ["unread"] = false,
                    ["accounts"] = new JsonArray([.. conversation.Participants.Select(p => (JsonNode)AccountJson(_accounts[p]))]),
                    ["last_status"] = StatusJson(conversation.LastStatus!),
                });
            }
        });
    }

    private sealed class Conversation(string id, FakeMastodonAccount owner, string threadId)
    {
        public string Id { get; } = id;

        public FakeMastodonAccount Owner { get; } = owner;

        public string ThreadId { get; } = threadId;

        public HashSet<string> Participants { get; } = new(StringComparer.Ordinal);

        public HashSet<string> StatusIds { get; } = new(StringComparer.Ordinal);

        public FakeMastodonStatus? LastStatus { get; set; }

        public bool Unread { get; set; }
    }
}
