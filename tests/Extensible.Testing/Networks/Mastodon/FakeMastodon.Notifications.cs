using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>
/// Notifications, paged as Mastodon pages them (<see cref="Paged{T}"/>): <c>limit</c> 40, at most 80; <c>types[]</c> to keep
/// some types only.
/// </summary>
public sealed partial class FakeMastodon
{
    private const int DefaultLimit = 40;
    private const int MaxLimit = 80;
    private readonly List<(string Id, string Type, FakeMastodonAccount To, FakeMastodonStatus Status)> _notifications = [];

    /// <summary>
    /// <paramref name="from"/> posts <paramref name="html"/> (sent as is: the instance's <c>content</c>) mentioning the brand,
    /// and the brand gets a mention notification (unless <paramref name="notify"/> is false: the brand's notification
    /// policy filtered it, as Mastodon does for people it does not follow). A <c>direct</c> status also joins the
    /// conversations of everyone in it. Returns the status.
    /// </summary>
    public FakeMastodonStatus Mention(
        FakeMastodonAccount from, string html, string visibility = "public", string? inReplyToId = null, string? spoilerText = null, bool notify = true)
    {
        lock (_gate)
        {
            var status = Post(from, html, visibility, inReplyToId, spoilerText);
            if (notify)
            {
                _notifications.Add((NewId(), "mention", Brand, status));
            }

            return status;
        }
    }

    /// <summary>
    /// <paramref name="from"/> posts <paramref name="html"/> and nobody is notified (a status between other accounts, or
    /// one the brand's notification policy filtered); a <c>direct</c> one joins the conversations of everyone it mentions.
    /// </summary>
    public FakeMastodonStatus Post(FakeMastodonAccount from, string html, string visibility = "public", string? inReplyToId = null, string? spoilerText = null)
    {
        lock (_gate)
        {
            var text = WebUtility.HtmlDecode(html);
            var parent = inReplyToId is null ? null : _statuses.Single(s => s.Id == inReplyToId);
            var id = NewId();
            var status = new FakeMastodonStatus
            {
                Id = id, Account = from, Text = text, Html = html, Visibility = visibility, SpoilerText = spoilerText,
                InReplyToId = inReplyToId, InReplyToAccountId = parent?.Account.Id, Mentions = MentionedIn(text), ThreadId = parent?.ThreadId ?? id,
                CreatedAt = DateTimeOffset.UtcNow, Language = "en",
            };
            _statuses.Add(status);
            AddToConversations(status);
            return status;
        }
    }

    /// <summary><paramref name="from"/> favourites one of the brand's statuses: a notification of another type, which a mention poll must not see.</summary>
    public void Favourite(FakeMastodonAccount from, string statusId)
    {
        lock (_gate)
        {
            _notifications.Add((NewId(), "favourite", Brand, _statuses.Single(s => s.Id == statusId)));
        }
    }

    private void MapNotifications(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/notifications", (HttpRequest request) =>
        {
            if (Caller(request, out var refused) is not { } account)
            {
                return refused!;
            }

            var types = request.Query["types[]"].Where(t => t is not null).Select(t => t!).ToHashSet(StringComparer.Ordinal);
            List<(string Id, string Type, FakeMastodonAccount To, FakeMastodonStatus Status)> mine;
            lock (_gate)
            {
                mine = [.. _notifications.Where(n => n.To.Id == account.Id && (types.Count == 0 || types.Contains(n.Type)))];
            }

            return Paged(
                request, mine, n => n.Id, DefaultLimit, MaxLimit,
                _ => $"{Origin}/api/v1/notifications?" + string.Concat(types.Select(t => "types[]=" + t + "&")),
                n => new JsonObject
                {
                    ["id"] = n.Id,
                    ["type"] = n.Type,
                    ["created_at"] = n.Status.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["account"] = AccountJson(n.Status.Account),
                    ["status"] = StatusJson(n.Status),
                });
        });
}
