using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Inbox;
using Extensible.Plugins.Bluesky.Publishing;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Network;

/// <summary>
/// Bluesky over XRPC: accounts of any PDS connect with a handle and an app password; posts are <c>app.bsky.feed.post</c>
/// records; the inbox is the account's mentions, replies and quotes; metrics are the post view's counts.
/// </summary>
public sealed class BlueskyConnector : IPlatformConnector
{
    /// <summary>The connect field holding the handle.</summary>
    public const string HandleField = "handle";

    /// <summary>The connect field holding the app password.</summary>
    public const string AppPasswordField = "app_password";

    /// <summary>The connect field holding the PDS address (optional: the <see cref="BlueskySettings.DefaultPds"/> otherwise).</summary>
    public const string PdsField = "pds";

    private readonly IPluginContext _context;
    private readonly SessionKeeper _sessions;
    private readonly XrpcClient _xrpc;
    private readonly BlueskyPublisher _publisher;
    private readonly BlueskyInbox _inbox;
    private readonly BlueskyInteractions _interactions;
    private readonly PostRecords _records;

    /// <summary>Creates the connector for the plugin's context.</summary>
    /// <param name="context">The plugin's context.</param>
    public BlueskyConnector(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _sessions = new SessionKeeper(context);
        _xrpc = new XrpcClient(context, _sessions);
        var records = new PostRecords(context, _xrpc);
        _records = records;
        _publisher = new BlueskyPublisher(context, _xrpc, records);
        _inbox = new BlueskyInbox(context, _xrpc);
        _interactions = new BlueskyInteractions(context, _xrpc, records);
    }

    /// <inheritdoc />
    public PlatformProfile Profile => BlueskyProfile.Profile;

    /// <inheritdoc />
    public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var defaultPds = _context.GetSettings<BlueskySettings>().DefaultPds;
        return Task.FromResult(new ConnectStart
        {
            Fields =
            [
                new ConnectField(HandleField, "Handle", false) { Help = "The account's handle, like brand.bsky.social (or its email address)." },
                new ConnectField(AppPasswordField, "App password", true)
                {
                    Help = "Created in Bluesky under Settings → Privacy and security → App passwords; not the account's own password.",
                },
                new ConnectField(PdsField, "PDS address", false) { IsOptional = true, Help = $"Leave empty for {defaultPds}; a self-hosted PDS's https address otherwise." },
            ],
        });
    }

    /// <inheritdoc />
    public async Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var identifier = completion.Fields.GetValueOrDefault(HandleField)?.Trim().TrimStart('@') ?? "";
        var password = completion.Fields.GetValueOrDefault(AppPasswordField) ?? "";
        if (identifier.Length is 0 or > 320 || password.Length is 0 or > 1000)
        {
            throw PlatformException.Rejected("Enter the account's handle and an app password.");
        }

        var pdsText = completion.Fields.GetValueOrDefault(PdsField);
        if (string.IsNullOrWhiteSpace(pdsText))
        {
            pdsText = _context.GetSettings<BlueskySettings>().DefaultPds;
        }

        if (!PdsAddress.TryParse(pdsText, out var pds))
        {
            throw PlatformException.Rejected(PdsAddress.Problem(pdsText)!);
        }

        var session = await _sessions.CreateAsync(pds, identifier, password, cancellationToken).ConfigureAwait(false);
        var account = new SignedIn(session);
        // The display name and avatar are a courtesy: an AppView that has not indexed the account yet answers
        // "Profile not found", and connecting goes on with the handle.
        var profile = (await _xrpc.SendAsync(account, XrpcRequest.Query("app.bsky.actor.getProfile", ("actor", session.Did)), cancellationToken)
            .ConfigureAwait(false)).Json;
        BlueskyLog.AccountConnected(_context.Logger, session.Did, session.Handle, session.Pds);
        var avatar = Json.Text(profile, "avatar");
        return new ConnectedAccount
        {
            PlatformAccountId = session.Did,
            Handle = "@" + account.Session.Handle,
            DisplayName = Json.Text(profile, "displayName") ?? account.Session.Handle,
            ProfileUrl = new Uri($"https://bsky.app/profile/{Uri.EscapeDataString(account.Session.Handle)}"),
            AvatarUrl = avatar is not null && Uri.TryCreate(avatar, UriKind.Absolute, out var avatarUrl) && avatarUrl.Scheme == Uri.UriSchemeHttps ? avatarUrl : null,
            Credentials = account.Session.ToCredentials(),
        };
    }

    /// <inheritdoc />
    public async Task<AccountCredentials> RefreshCredentialsAsync(AccountCredentials credentials, CancellationToken cancellationToken)
    {
        var session = await _sessions.RenewAsync(credentials, cancellationToken).ConfigureAwait(false);
        return session.ToCredentials();
    }

    /// <inheritdoc />
    public Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _publisher.PublishAsync(Open(request.Account), request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PublishedPost?> FindPublishedAsync(AccountCredentials account, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return _publisher.FindAsync(Open(account), idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeletePostAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformPostId);
        return _publisher.DeleteAsync(Open(account), platformPostId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboxPage> PollInboxAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken) =>
        _inbox.PollAsync(Open(account), cursor, cancellationToken);

    /// <inheritdoc />
    public Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        return _interactions.ReplyAsync(Open(account), item, text, cancellationToken);
    }

    /// <inheritdoc />
    public Task SetLikedAsync(AccountCredentials account, InboxItemReference item, bool liked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _interactions.SetLikedAsync(Open(account), item, liked, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PostMetrics> FetchMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformPostId);
        var uri = AtUri.Parse(platformPostId);
        var signedIn = Open(account);
        var json = await _xrpc.CallAsync(signedIn, XrpcRequest.Query("app.bsky.feed.getPosts", ("uris", platformPostId)), cancellationToken).ConfigureAwait(false);
        if (Json.Objects(json, "posts").FirstOrDefault(p => Json.Text(p, "uri") == platformPostId) is not { } post)
        {
            // The AppView indexes in the background: the record may be in the repository and not viewable yet (ask again
            // later), or deleted (nothing to ask about any more). The repository tells which.
            var stored = uri.Repo == signedIn.Did && await _records.FindAsync(signedIn, uri.Collection, uri.RecordKey, cancellationToken).ConfigureAwait(false) is not null;
            throw stored
                ? new PlatformException(PlatformFailure.Retryable, "The network has not indexed the post yet; its metrics come once it has.") { StatusCode = 404 }
                : new PlatformException(PlatformFailure.Rejected, "The network refused: the post is gone (deleted).") { PlatformMessage = "The post is gone (deleted).", StatusCode = 404 };
        }

        var quotes = Json.Number(post, "quoteCount");
        return new PostMetrics
        {
            MeasuredAt = _context.Time.GetUtcNow(),
            Likes = Json.Number(post, "likeCount"),
            Comments = Json.Number(post, "replyCount"),
            Shares = Json.Number(post, "repostCount"),
            Other = quotes is { } q ? new Dictionary<string, long> { ["quotes"] = q } : new Dictionary<string, long>(),
        };
    }

    /// <inheritdoc />
    public async Task<AccountMetrics> FetchAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var signedIn = Open(account);
        var profile = await _xrpc.CallAsync(signedIn, XrpcRequest.Query("app.bsky.actor.getProfile", ("actor", signedIn.Session.Did)), cancellationToken).ConfigureAwait(false);
        return new AccountMetrics
        {
            MeasuredAt = _context.Time.GetUtcNow(),
            Followers = Json.Number(profile, "followersCount"),
            Following = Json.Number(profile, "followsCount"),
            Posts = Json.Number(profile, "postsCount"),
        };
    }

    private SignedIn Open(AccountCredentials account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new SignedIn(_sessions.Open(account));
    }
}
