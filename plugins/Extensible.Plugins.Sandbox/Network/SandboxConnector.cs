using System.Globalization;
using System.Text.Json;
using Extensible.Plugins.Sandbox.Inbox;
using Extensible.Plugins.Sandbox.Metrics;
using Extensible.Plugins.Sandbox.Publishing;
using Extensible.Plugins.Sandbox.Storage;
using Extensible.Plugins.Sandbox.Webhooks;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Network;

/// <summary>
/// The sandbox network's connector: accounts connect without credentials, posts are remembered in the plugin store,
/// the inbox fills at the configured rate, metrics grow with time, and calls fail on purpose at the configured rate.
/// </summary>
public sealed class SandboxConnector : IPlatformConnector
{
    private readonly IPluginContext _context;
    private readonly SandboxPublisher _publisher;
    private readonly SandboxInbox _inbox;
    private readonly SandboxWebhooks _webhooks;

    /// <summary>Creates the connector for the plugin's context.</summary>
    /// <param name="context">The plugin's context.</param>
    public SandboxConnector(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _publisher = new SandboxPublisher(context);
        _inbox = new SandboxInbox(context);
        _webhooks = new SandboxWebhooks(context);
    }

    /// <inheritdoc />
    public PlatformProfile Profile => SandboxProfile.Profile;

    /// <inheritdoc />
    public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ConnectStart());

    /// <inheritdoc />
    public async Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var number = await SandboxStoreGate.RunAsync(
            SandboxStoreKeys.AccountCount,
            async () =>
            {
                var count = await _context.Store.GetAsync(SandboxStoreKeys.AccountCount, cancellationToken).ConfigureAwait(false);
                var next = (long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
                await _context.Store.SetAsync(SandboxStoreKeys.AccountCount, next.ToString(CultureInfo.InvariantCulture), cancellationToken)
                    .ConfigureAwait(false);
                return next;
            },
            cancellationToken).ConfigureAwait(false);

        var accountId = string.Create(CultureInfo.InvariantCulture, $"sbx-a{number}");
        var handle = string.Create(CultureInfo.InvariantCulture, $"@sandbox-brand-{number}");
        var connectedAt = _context.Time.GetUtcNow();
        _context.Logger.AccountConnected(accountId, handle);
        return new ConnectedAccount
        {
            PlatformAccountId = accountId,
            Handle = handle,
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Sandbox brand {number} (simulated)"),
            ProfileUrl = new Uri(SandboxProfile.BaseUrl, Uri.EscapeDataString(handle)),
            Credentials = new AccountCredentials
            {
                PlatformAccountId = accountId,
                Values = new Dictionary<string, string>
                {
                    ["token"] = "sandbox-token-" + SandboxDice.For("token", accountId, connectedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)).Next()
                        .ToString("x16", CultureInfo.InvariantCulture),
                    ["handle"] = handle,
                    ["connected_at"] = connectedAt.ToString("O", CultureInfo.InvariantCulture),
                },
            },
        };
    }

    /// <inheritdoc />
    public async Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Authorize(request.Account);
        if (SandboxMarkers.Find(request.Content) is var (marker, forced))
        {
            // Refused every time, or only on the first call with this key: the retry goes through.
            var once = SandboxStoreKeys.Forced(request.Account.PlatformAccountId, request.IdempotencyKey);
            if (forced == PlatformFailure.Rejected || await _context.Store.GetAsync(once, cancellationToken).ConfigureAwait(false) is null)
            {
                await _context.Store.SetAsync(once, marker, cancellationToken).ConfigureAwait(false);
                await RecordFailureAsync(forced, "publish", cancellationToken).ConfigureAwait(false);
                throw SandboxMarkers.Exception(marker, forced);
            }
        }

        var failure = Roll("publish", request.Account.PlatformAccountId + "/" + request.IdempotencyKey);
        var acceptThenFail = failure == PlatformFailure.Retryable
            && SandboxDice.For("accept-then-fail", request.IdempotencyKey).Below(2) == 0;
        if (failure is { } f && !acceptThenFail)
        {
            throw await FailAsync(f, "publish", cancellationToken).ConfigureAwait(false);
        }

        if (acceptThenFail)
        {
            await RecordFailureAsync(PlatformFailure.Retryable, "publish", cancellationToken).ConfigureAwait(false);
        }

        return await _publisher.PublishAsync(request, acceptThenFail, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PublishedPost?> FindPublishedAsync(AccountCredentials account, string idempotencyKey, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await MaybeFailAsync("find-published", account.PlatformAccountId + "/" + idempotencyKey, cancellationToken).ConfigureAwait(false);
        return await _publisher.FindPublishedAsync(account, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The account's replies are its posts too, as on real networks: deleting one marks it deleted (<c>deletedAt</c> under
    /// <c>reply:{id}</c>), so a test sees what reached the network.
    /// </remarks>
    public async Task DeletePostAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(platformPostId);
        await MaybeFailAsync("delete-post", platformPostId, cancellationToken).ConfigureAwait(false);
        var key = SandboxStoreKeys.Reply(platformPostId);
        var json = await _context.Store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (json is not null && JsonSerializer.Deserialize(json, SandboxJson.Default.SandboxReply) is { } reply && reply.AccountId == account.PlatformAccountId)
        {
            if (reply.DeletedAt is null)
            {
                await _context.Store.SetAsync(key, JsonSerializer.Serialize(reply with { DeletedAt = _context.Time.GetUtcNow() }, SandboxJson.Default.SandboxReply), cancellationToken)
                    .ConfigureAwait(false);
                _context.Logger.PostDeleted(platformPostId);
            }

            return;
        }

        await _publisher.DeleteAsync(account, platformPostId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<InboxPage> PollInboxAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken)
    {
        Authorize(account);
        await MaybeFailAsync("poll-inbox", account.PlatformAccountId + "/" + cursor, cancellationToken).ConfigureAwait(false);
        return await _inbox.PollAsync(account, cursor, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<WebhookResult> HandleWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return _webhooks.HandleAsync(delivery, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        await MaybeFailAsync("reply", item.PlatformItemId + "/" + text, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw PlatformException.Rejected("A reply needs text.");
        }

        var length = TextLength.Count(text, Profile.Text.Counting);
        if (length > Profile.Text.MaxLength)
        {
            throw PlatformException.Rejected($"A reply counts {length} characters; the sandbox takes at most {Profile.Text.MaxLength}.");
        }

        var now = _context.Time.GetUtcNow();
        var replyId = "sbx-r" + SandboxDice.For("reply", account.PlatformAccountId, item.PlatformItemId, text, now.UtcTicks.ToString(CultureInfo.InvariantCulture))
            .Next().ToString("x16", CultureInfo.InvariantCulture);
        var reply = new SandboxReply(replyId, account.PlatformAccountId, item.PlatformItemId, text, now);
        await _context.Store.SetAsync(SandboxStoreKeys.Reply(replyId), JsonSerializer.Serialize(reply, SandboxJson.Default.SandboxReply), cancellationToken)
            .ConfigureAwait(false);
        return replyId;
    }

    /// <inheritdoc />
    public async Task SetHiddenAsync(AccountCredentials account, InboxItemReference item, bool hidden, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(item);
        await MaybeFailAsync("hide-comment", item.PlatformItemId, cancellationToken).ConfigureAwait(false);
        if (item.Kind == InboxItemKind.DirectMessage)
        {
            throw PlatformException.Rejected("Direct messages cannot be hidden.");
        }

        await _context.Store.SetAsync(SandboxStoreKeys.Hidden(item.PlatformItemId), hidden ? "true" : "false", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteCommentAsync(AccountCredentials account, InboxItemReference item, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(item);
        await MaybeFailAsync("delete-comment", item.PlatformItemId, cancellationToken).ConfigureAwait(false);
        if (item.Kind != InboxItemKind.Comment)
        {
            throw PlatformException.Rejected("Only comments on the account's posts can be deleted.");
        }

        await _context.Store.SetAsync(SandboxStoreKeys.DeletedComment(item.PlatformItemId), "true", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Direct messages cannot be liked on the sandbox (a refusal to try in the console). Every call it takes is counted
    /// under <c>like:{account}:{item}</c>, so a test sees what reached the network.
    /// </remarks>
    public async Task SetLikedAsync(AccountCredentials account, InboxItemReference item, bool liked, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(item);
        await MaybeFailAsync("like", item.PlatformItemId, cancellationToken).ConfigureAwait(false);
        if (item.Kind == InboxItemKind.DirectMessage)
        {
            throw new PlatformException(PlatformFailure.Rejected, "The network refused: Direct messages cannot be liked on the sandbox.")
            {
                PlatformMessage = "Direct messages cannot be liked on the sandbox.",
                StatusCode = 422,
            };
        }

        var key = SandboxStoreKeys.Like(account.PlatformAccountId, item.PlatformItemId);
        await SandboxStoreGate.RunAsync(
            key,
            async () =>
            {
                var stored = await _context.Store.GetAsync(key, cancellationToken).ConfigureAwait(false);
                var calls = stored is null ? 0 : JsonSerializer.Deserialize(stored, SandboxJson.Default.SandboxLike)?.Calls ?? 0;
                var like = new SandboxLike(account.PlatformAccountId, item.PlatformItemId, liked, calls + 1, _context.Time.GetUtcNow());
                await _context.Store.SetAsync(key, JsonSerializer.Serialize(like, SandboxJson.Default.SandboxLike), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PostMetrics> FetchMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        Authorize(account);
        ArgumentNullException.ThrowIfNull(platformPostId);
        await MaybeFailAsync("fetch-metrics", platformPostId, cancellationToken).ConfigureAwait(false);
        var post = await _publisher.LoadAsync(account.PlatformAccountId, platformPostId, cancellationToken).ConfigureAwait(false);
        if (post.DeletedAt is not null)
        {
            throw new PlatformException(PlatformFailure.Rejected, "The network refused: the post was deleted.")
            {
                PlatformMessage = "The post was deleted.",
                StatusCode = 404,
            };
        }

        return SandboxMetrics.Measure(post, _context.Time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<AccountMetrics> FetchAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        Authorize(account);
        await MaybeFailAsync("fetch-account-metrics", account.PlatformAccountId, cancellationToken).ConfigureAwait(false);
        var connectedAt = account.Values.TryGetValue("connected_at", out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : _context.Time.GetUtcNow();
        return SandboxMetrics.Audience(account.PlatformAccountId, connectedAt, _context.Time.GetUtcNow());
    }

    // Any token works, but there must be one: an account whose credentials were lost must be connected again.
    private static void Authorize(AccountCredentials account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _ = account.Require("token");
    }

    private PlatformFailure? Roll(string operation, string subject) =>
        SandboxFailures.Roll(_context.GetSettings<SandboxSettings>(), operation, subject, _context.Time.GetUtcNow());

    private async Task MaybeFailAsync(string operation, string subject, CancellationToken cancellationToken)
    {
        if (Roll(operation, subject) is { } failure)
        {
            throw await FailAsync(failure, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PlatformException> FailAsync(PlatformFailure failure, string operation, CancellationToken cancellationToken)
    {
        await RecordFailureAsync(failure, operation, cancellationToken).ConfigureAwait(false);
        return SandboxFailures.Exception(failure, operation);
    }

    private async Task RecordFailureAsync(PlatformFailure failure, string operation, CancellationToken cancellationToken)
    {
        _context.Logger.FailureSimulated(failure.ToString(), operation);
        var json = JsonSerializer.Serialize(
            new Dictionary<string, string> { ["operation"] = operation, ["failure"] = failure.ToString() }, SandboxJson.Default.DictionaryStringString);
        await _context.Events.RecordAsync("failure_simulated", json, cancellationToken).ConfigureAwait(false);
    }
}
