namespace Extensible.Sdk.Connectors;

/// <summary>
/// One social network: connecting accounts, publishing, the inbox, and metrics. What the network supports is declared in
/// <see cref="Profile"/>; the host only calls an optional operation when the profile says it is supported (their default
/// implementations throw <see cref="NotSupportedException"/>). Failures are thrown as <see cref="PlatformException"/>
/// so the host knows whether to retry, wait, ask for a reconnect or show the network's message.
/// </summary>
public interface IPlatformConnector
{
    /// <summary>What the network is and supports: content kinds, text and media limits, features, how accounts connect.</summary>
    PlatformProfile Profile { get; }

    /// <summary>
    /// The profile for one connected account, when the account's server sets limits of its own (a Mastodon instance's
    /// character limit and media limits): the host checks and counts posts for that account against it. Answer from the
    /// stored <paramref name="account"/> values alone, without calling the network (it is asked as people type). By
    /// default, <see cref="Profile"/>.
    /// </summary>
    /// <param name="account">The account's stored credentials.</param>
    /// <returns>The profile for that account; its key, name and auth method are the connector's.</returns>
    PlatformProfile ProfileFor(AccountCredentials account) => Profile;

    /// <summary>
    /// Starts connecting an account: for OAuth, the authorization URL to send the person to (with PKCE, the verifier the
    /// host keeps until the callback); for app passwords and tokens, the fields the console asks for.
    /// </summary>
    /// <param name="request">Where the network must send the person back, and the host's anti-forgery state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken);

    /// <summary>Finishes connecting: exchanges the callback's code (or checks the entered fields) for credentials.</summary>
    /// <param name="completion">The callback's parameters or the entered fields, and what <see cref="BeginConnectAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes credentials that expire (OAuth 2 refresh tokens). The host calls it before <see cref="AccountCredentials.ExpiresAt"/>
    /// and stores what it returns. Throw <see cref="PlatformException"/> with <see cref="PlatformFailure.NeedsReconnect"/>
    /// when the person must connect again.
    /// </summary>
    /// <param name="credentials">The stored credentials.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccountCredentials> RefreshCredentialsAsync(AccountCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult(credentials);

    /// <summary>
    /// Publishes a post. The host may call it again with the same <see cref="PublishRequest.IdempotencyKey"/> after a
    /// crash or timeout: pass the key to the network when it accepts one, and otherwise leave a trace that
    /// <see cref="FindPublishedAsync"/> can find.
    /// </summary>
    /// <param name="request">The account, the content shaped for this network, and the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The network's id and URL of the post.</returns>
    Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Looks up a post published earlier with an idempotency key, so the host can tell after a crash whether a publish
    /// happened (supported when <see cref="PlatformFeatures.LookupByIdempotencyKey"/> is declared).
    /// </summary>
    /// <param name="account">The account that published.</param>
    /// <param name="idempotencyKey">The key of the publish in doubt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The post, or <see langword="null"/> when the network has none with that key.</returns>
    Task<PublishedPost?> FindPublishedAsync(AccountCredentials account, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} cannot look posts up by idempotency key.");

    /// <summary>Deletes a published post (take-down). Supported when <see cref="PlatformFeatures.DeletePost"/> is declared.</summary>
    /// <param name="account">The account that published.</param>
    /// <param name="platformPostId">The network's id of the post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeletePostAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} does not let posts be deleted.");

    /// <summary>
    /// Reads new inbox items (comments, mentions, direct messages) after a cursor. Supported when
    /// <see cref="PlatformFeatures.InboxPolling"/> is declared.
    /// </summary>
    /// <param name="account">The account whose inbox is read.</param>
    /// <param name="cursor">Where the previous page ended, or <see langword="null"/> for the first poll.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<InboxPage> PollInboxAsync(AccountCredentials account, string? cursor, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} has no inbox to poll.");

    /// <summary>
    /// Verifies a webhook delivery (signature, verification handshake) and parses the inbox items in it. Supported when
    /// <see cref="PlatformFeatures.Webhooks"/> is declared. Never trust the body before the signature checks out.
    /// </summary>
    /// <param name="delivery">The raw HTTP request the network sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<WebhookResult> HandleWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} sends no webhooks.");

    /// <summary>Replies to an inbox item (a comment, mention or direct message). Supported when <see cref="PlatformFeatures.Reply"/> is declared.</summary>
    /// <param name="account">The account that replies.</param>
    /// <param name="item">The item replied to.</param>
    /// <param name="text">The reply's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The network's id of the reply.</returns>
    Task<string> ReplyAsync(AccountCredentials account, InboxItemReference item, string text, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} does not support replies.");

    /// <summary>Hides or unhides a comment. Supported when <see cref="PlatformFeatures.HideComment"/> is declared.</summary>
    /// <param name="account">The account that owns the post.</param>
    /// <param name="item">The comment.</param>
    /// <param name="hidden"><see langword="true"/> to hide, <see langword="false"/> to show again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SetHiddenAsync(AccountCredentials account, InboxItemReference item, bool hidden, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} does not let comments be hidden.");

    /// <summary>Deletes a comment. Supported when <see cref="PlatformFeatures.DeleteComment"/> is declared.</summary>
    /// <param name="account">The account that owns the post.</param>
    /// <param name="item">The comment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteCommentAsync(AccountCredentials account, InboxItemReference item, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} does not let comments be deleted.");

    /// <summary>
    /// Likes an inbox item as the account (a favourite, a heart, a like: whatever the network calls it), or takes the like
    /// back. Supported when <see cref="PlatformFeatures.Like"/> is declared. Liking what the account already likes, or
    /// unliking what it does not, succeeds: the host may call again after a timeout.
    /// </summary>
    /// <param name="account">The account that likes.</param>
    /// <param name="item">The item.</param>
    /// <param name="liked"><see langword="true"/> to like, <see langword="false"/> to take the like back.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SetLikedAsync(AccountCredentials account, InboxItemReference item, bool liked, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} does not let items be liked.");

    /// <summary>Fetches a post's metrics now. Supported when <see cref="PlatformFeatures.Metrics"/> is declared.</summary>
    /// <param name="account">The account that published.</param>
    /// <param name="platformPostId">The network's id of the post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PostMetrics> FetchMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} reports no metrics.");

    /// <summary>
    /// Fetches a connected account's audience now (followers, following, posts). Supported when
    /// <see cref="PlatformFeatures.AccountMetrics"/> is declared.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccountMetrics> FetchAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Profile.DisplayName} reports no account metrics.");
}
