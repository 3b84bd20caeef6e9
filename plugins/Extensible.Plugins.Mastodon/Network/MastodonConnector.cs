using Extensible.Plugins.Mastodon.Connecting;
using Extensible.Plugins.Mastodon.Inbox;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Plugins.Mastodon.Publishing;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>
/// The Mastodon connector: accounts on any instance (the instance is part of the account), statuses with media, polls
/// and threads, mentions and direct messages in the inbox, replies, favourites and metrics. Looking a status up by
/// idempotency key is not offered: Mastodon has none, and instead answers a repeated <c>Idempotency-Key</c> with the
/// status it made the first time (for an hour), so the host's retry with the same key is the safe way to settle a doubt.
/// </summary>
public sealed class MastodonConnector : IPlatformConnector
{
    private readonly IPluginContext _context;
    private readonly MastodonSignIn _signIn;
    private readonly MastodonPublisher _publisher;
    private readonly MastodonInbox _inbox;

    /// <summary>Creates the connector for the plugin's context.</summary>
    /// <param name="context">The plugin's context.</param>
    public MastodonConnector(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        var api = new MastodonApi(context);
        _signIn = new MastodonSignIn(context, api);
        _publisher = new MastodonPublisher(context, api);
        _inbox = new MastodonInbox(api);
    }

    /// <inheritdoc />
    public PlatformProfile Profile => MastodonProfile.Profile;

    /// <inheritdoc />
    /// <remarks>The account's instance's own limits, kept with its credentials when it connected.</remarks>
    public PlatformProfile ProfileFor(AccountCredentials account) => MastodonProfile.For(InstanceLimits.From(account));

    /// <inheritdoc />
    public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken) => _signIn.BeginAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken) =>
        _signIn.CompleteAsync(completion, cancellationToken);

    /// <inheritdoc />
    public Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => _publisher.PublishAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task DeletePostAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken) =>
        _publisher.DeleteAsync(account, platformPostId, cancellationToken);

    /// <inheritdoc />
    public Task<InboxPage> PollInboxAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken) =>
        _inbox.PollAsync(account, cursor, cancellationToken);

    /// <inheritdoc />
    public Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken) =>
        _inbox.ReplyAsync(account, item, text, cancellationToken);

    /// <inheritdoc />
    public Task SetLikedAsync(AccountCredentials account, InboxItemReference item, bool liked, CancellationToken cancellationToken) =>
        _inbox.SetLikedAsync(account, item, liked, cancellationToken);

    /// <inheritdoc />
    public Task<PostMetrics> FetchMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken) =>
        _inbox.MetricsAsync(account, platformPostId, _context.Time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<AccountMetrics> FetchAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        _inbox.AccountMetricsAsync(account, _context.Time.GetUtcNow(), cancellationToken);
}
