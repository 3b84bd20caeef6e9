using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>Accounts and statuses: posting (with Idempotency-Key), reading, deleting, favourites.</summary>
public sealed partial class FakeMastodon
{
    private static readonly string[] Visibilities = ["public", "unlisted", "private", "direct"];
    private readonly Dictionary<string, FakeMastodonAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<FakeMastodonStatus> _statuses = [];
    private readonly Dictionary<string, (long Followers, long Following)> _audiences = [];
    private readonly Dictionary<string, string> _idempotent = new(StringComparer.Ordinal);
    private readonly HashSet<(string Account, string Status)> _favourites = [];

    /// <summary>Statuses posted through the API or by <see cref="Mention"/>, oldest first (deleted ones included).</summary>
    public IReadOnlyList<FakeMastodonStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _statuses];
            }
        }
    }

    /// <summary>Whether <paramref name="account"/> has favourited <paramref name="statusId"/>.</summary>
    public bool IsFavourited(FakeMastodonAccount account, string statusId)
    {
        lock (_gate)
        {
            return _favourites.Contains((account.Id, statusId));
        }
    }

    /// <summary>Adds an account to the instance.</summary>
    public FakeMastodonAccount AddAccount(string username, string displayName)
    {
        var account = new FakeMastodonAccount(NewId(), username, displayName);
        lock (_gate)
        {
            _accounts[account.Id] = account;
        }

        return account;
    }

    /// <summary>Sets a status's counts, as people favouriting, boosting and replying would.</summary>
    public void Count(string statusId, int favourites, int reblogs, int replies)
    {
        lock (_gate)
        {
            var status = _statuses.Single(s => s.Id == statusId);
            (status.Favourites, status.Reblogs, status.Replies) = (favourites, reblogs, replies);
        }
    }

    private void MapAccounts(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpRequest request) =>
            Caller(request, out var refused) is { } account ? Json(AccountJson(account)) : refused!);

    private void MapStatuses(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/statuses", async (HttpRequest request) =>
        {
            if (Caller(request, out var refused) is not { } account)
            {
                return refused!;
            }

            if (!request.HasJsonContentType())
            {
                return Error(415, "Send the status as JSON.");
            }

            JsonObject body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                return Error(400, "The body is not JSON.");
            }

            var key = request.Headers["Idempotency-Key"].ToString();
            lock (_gate)
            {
                if (key.Length > 0 && _idempotent.TryGetValue(account.Id + "\n" + key, out var earlier))
                {
                    return Json(StatusJson(_statuses.Single(s => s.Id == earlier)));
                }

                if (Validate(account, body) is { } problem)
                {
                    return Error(422, problem);
                }

                var text = body["status"]?.GetValue<string>() ?? "";
                var inReplyTo = body["in_reply_to_id"]?.GetValue<string>();
                var poll = body["poll"] as JsonObject;
                var parent = inReplyTo is null ? null : _statuses.Single(s => s.Id == inReplyTo);
                var id = NewId();
                var status = new FakeMastodonStatus
                {
                    Id = id, Account = account, Text = text, Html = Render(text), Mentions = MentionedIn(text), ThreadId = parent?.ThreadId ?? id,
                    Visibility = body["visibility"]?.GetValue<string>() ?? "public",
                    SpoilerText = body["spoiler_text"]?.GetValue<string>(), Language = body["language"]?.GetValue<string>(),
                    Sensitive = body["sensitive"]?.GetValue<bool>() ?? false,
                    InReplyToId = inReplyTo, InReplyToAccountId = parent?.Account.Id,
                    MediaIds = [.. (body["media_ids"] as JsonArray ?? []).Select(m => m!.GetValue<string>())],
                    PollOptions = [.. (poll?["options"] as JsonArray ?? []).Select(o => o!.GetValue<string>())],
                    PollExpiresIn = poll?["expires_in"]?.GetValue<long>(), PollMultiple = poll?["multiple"]?.GetValue<bool>() ?? false,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                _statuses.Add(status);
                AddToConversations(status);
                if (key.Length > 0)
                {
                    _idempotent[account.Id + "\n" + key] = status.Id;
                }

                return Json(StatusJson(status));
            }
        });

        app.MapGet("/api/v1/statuses/{id}", (string id, HttpRequest request) =>
            Caller(request, out var refused) is null ? refused! : Find(id) is { } status ? Json(StatusJson(status)) : Error(404, "Record not found"));

        app.MapDelete("/api/v1/statuses/{id}", (string id, HttpRequest request) =>
        {
            if (Caller(request, out var refused) is not { } account)
            {
                return refused!;
            }

            lock (_gate)
            {
                if (Find(id) is not { } status)
                {
                    return Error(404, "Record not found");
                }

                if (status.Account.Id != account.Id)
                {
                    return Error(403, "This action is not allowed");
                }

                status.Deleted = true;
                return Json(StatusJson(status));
            }
        });

        app.MapPost("/api/v1/statuses/{id}/favourite", (string id, HttpRequest request) => Favourite(id, "favourite", request));
        app.MapPost("/api/v1/statuses/{id}/unfavourite", (string id, HttpRequest request) => Favourite(id, "unfavourite", request));
    }

    private IResult Favourite(string id, string action, HttpRequest request)
    {
        if (Caller(request, out var refused) is not { } account)
        {
            return refused!;
        }

        lock (_gate)
        {
            if (Find(id) is not { } status)
            {
                return Error(404, "Record not found");
            }

            var changed = action == "favourite" ? _favourites.Add((account.Id, id)) : _favourites.Remove((account.Id, id));
            status.Favourites += changed ? (action == "favourite" ? 1 : -1) : 0;
            return Json(StatusJson(status));
        }
    }

    private string? Validate(FakeMastodonAccount account, JsonObject body)
    {
        var text = body["status"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var mediaIds = body["media_ids"] as JsonArray ?? [];
        var poll = body["poll"] as JsonObject;
        if (string.IsNullOrWhiteSpace(text) && mediaIds.Count == 0)
        {
            return "Validation failed: Text can't be blank";
        }

        var spoiler = body["spoiler_text"]?.GetValue<string>() ?? "";
        if (Length(text ?? "") + Length(spoiler) > MaxCharacters)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Validation failed: Text character limit of {MaxCharacters} exceeded");
        }

        if (body["visibility"]?.GetValue<string>() is { } visibility && !Visibilities.Contains(visibility))
        {
            return "Validation failed: Visibility is not included in the list";
        }

        if (body["in_reply_to_id"]?.GetValue<string>() is { } parent && Find(parent) is null)
        {
            return "Validation failed: In reply to the status does not exist";
        }

        if (mediaIds.Count > 4)
        {
            return "Validation failed: Media attachments exceed the limit of 4";
        }

        foreach (var id in mediaIds.Select(m => m?.GetValue<string>() ?? ""))
        {
            if (!_media.TryGetValue(id, out var media) || media.Account.Id != account.Id)
            {
                return "Validation failed: Media attachments are not yours";
            }

            if (media.PollsLeft > 0)
            {
                return "Cannot attach files that have not finished processing. Try again in a moment!";
            }
        }

        if (poll is not null)
        {
            var options = poll["options"] as JsonArray ?? [];
            if (mediaIds.Count > 0)
            {
                return "Cannot attach both media and a poll";
            }

            if (options.Count < 2 || options.Count > 4 || poll["expires_in"] is null)
            {
                return "Validation failed: Poll must have 2 to 4 options and an expiry";
            }
        }

        return null;
    }

    // Mastodon's count: every link is 23 characters, a remote mention counts its local part only.
    private static int Length(string text)
    {
        var links = LinkPattern().Count(text);
        var rest = RemoteMentionPattern().Replace(LinkPattern().Replace(text, ""), "$1");
        return rest.EnumerateRunes().Count() + (links * 23);
    }

    // Mentions of this instance's accounts: @name, or @name@its-domain.
    private List<FakeMastodonAccount> MentionedIn(string text)
    {
        lock (_gate)
        {
            return [.. MentionPattern().Matches(text)
                .Where(m => !m.Groups[2].Success || m.Groups[2].Value.Equals(Domain, StringComparison.OrdinalIgnoreCase))
                .Select(m => _accounts.Values.FirstOrDefault(a => a.Username.Equals(m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)))
                .OfType<FakeMastodonAccount>()
                .DistinctBy(a => a.Id)];
        }
    }

    [GeneratedRegex(@"(?<![\w@])@(\w+)(?:@([\w.\-]+\w))?")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(@\w+)@[\w.\-]+\w")]
    private static partial Regex RemoteMentionPattern();

    private FakeMastodonStatus? Find(string id)
    {
        lock (_gate)
        {
            return _statuses.Find(s => s.Id == id && !s.Deleted);
        }
    }

    private JsonObject StatusJson(FakeMastodonStatus status) => new()
    {
        ["id"] = status.Id,
        ["created_at"] = status.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["in_reply_to_id"] = status.InReplyToId,
        ["in_reply_to_account_id"] = status.InReplyToAccountId,
        ["sensitive"] = status.Sensitive,
        ["spoiler_text"] = status.SpoilerText ?? "",
        ["visibility"] = status.Visibility,
        ["language"] = status.Language,
        ["uri"] = $"{Origin}/users/{status.Account.Username}/statuses/{status.Id}",
        ["url"] = $"{Origin}/@{status.Account.Username}/{status.Id}",
        ["replies_count"] = status.Replies,
        ["reblogs_count"] = status.Reblogs,
        ["favourites_count"] = status.Favourites,
        ["content"] = status.Html,
        ["account"] = AccountJson(status.Account),
        ["media_attachments"] = new JsonArray([.. status.MediaIds.Select(id => (JsonNode)MediaJson(_media[id]))]),
        ["mentions"] = new JsonArray([.. status.Mentions.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id, ["username"] = m.Username, ["acct"] = m.Username, ["url"] = $"{Origin}/@{m.Username}",
        })]),
        ["poll"] = status.PollOptions.Count == 0 ? null : new JsonObject
        {
            ["id"] = status.Id, ["multiple"] = status.PollMultiple,
            ["options"] = new JsonArray([.. status.PollOptions.Select(o => (JsonNode)new JsonObject { ["title"] = o, ["votes_count"] = 0 })]),
        },
    };

    /// <summary>Says how many follow <paramref name="account"/> and how many it follows (shown in its account JSON).</summary>
    public void SetAudience(FakeMastodonAccount account, long followers, long following)
    {
        lock (_gate)
        {
            _audiences[account.Id] = (followers, following);
        }
    }

    private JsonObject AccountJson(FakeMastodonAccount account) => new()
    {
        ["id"] = account.Id,
        ["username"] = account.Username,
        ["acct"] = account.Username,
        ["display_name"] = account.DisplayName,
        ["url"] = $"{Origin}/@{account.Username}",
        ["avatar"] = $"{Origin}/avatars/{account.Username}.png",
        ["followers_count"] = Audience(account).Followers,
        ["following_count"] = Audience(account).Following,
        ["statuses_count"] = StatusCount(account),
    };

    private (long Followers, long Following) Audience(FakeMastodonAccount account)
    {
        lock (_gate)
        {
            return _audiences.GetValueOrDefault(account.Id, (42, 7));
        }
    }

    private long StatusCount(FakeMastodonAccount account)
    {
        lock (_gate)
        {
            return _statuses.Count(s => s.Account.Id == account.Id && !s.Deleted);
        }
    }

    // Mastodon renders plain text into paragraphs with line breaks, escaping it.
    private static string Render(string text) =>
        string.Concat(text.Split("\n\n").Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br />", StringComparison.Ordinal) + "</p>"));
}
