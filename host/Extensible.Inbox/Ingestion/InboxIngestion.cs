using Extensible.EventStore;
using Extensible.Inbox.Threads;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Ingestion;

/// <summary>
/// Stores what connectors read from the networks: each item joins its thread's stream under an id that follows from the
/// account and the network's id (a second delivery is stored once). Concurrent deliveries share commits (group commit);
/// each caller is answered only when its items have committed, so nothing acknowledged is ever lost.
/// </summary>
public sealed class InboxIngestion(EventStore.EventStore store)
{
    /// <summary>The longest item text kept; longer texts are cut (a network's limit is far below it).</summary>
    public const int MaxTextLength = 100_000;

    private const int MaxIdLength = 500;

    /// <summary>Stores <paramref name="items"/> of <paramref name="account"/>; answers how many were new (duplicates are not).</summary>
    /// <exception cref="InboxItemRefusedException">An item lacks what every item must have; nothing of the batch is stored.</exception>
    public async Task<int> StoreAsync(AccountRecord account, IReadOnlyList<InboxItem> items, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(items);
        var events = items.Select(item => Received(account, item, source)).ToList();
        var metadata = new EventMetadata { Tenant = account.WorkspaceId.ToString(), User = "inbox:" + source };
        var stored = await Task.WhenAll(events.Select(e => StoreOneAsync(e, metadata, cancellationToken)));
        return stored.Count(s => s);
    }

    /// <summary>The event that records <paramref name="item"/>, checked and bounded.</summary>
    /// <exception cref="InboxItemRefusedException">The item lacks an id, an author or a handle, or its ids are too long.</exception>
    public static NewEvent Received(AccountRecord account, InboxItem item, string source)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.PlatformItemId) || item.PlatformItemId.Length > MaxIdLength)
        {
            throw new InboxItemRefusedException($"An inbox item needs an id of 1 to {MaxIdLength} characters.");
        }

        if (item.Author is null || string.IsNullOrWhiteSpace(item.Author.PlatformUserId) || string.IsNullOrWhiteSpace(item.Author.Handle))
        {
            throw new InboxItemRefusedException($"Inbox item '{Cut(item.PlatformItemId, 60)}' has no author id or handle.");
        }

        var threadKey = ThreadKeyOf(item);
        var threadId = InboxStreams.ThreadIdFor(account.Id, threadKey);
        var author = new InboxAuthorSnapshot(
            Cut(item.Author.PlatformUserId, MaxIdLength), Cut(item.Author.Handle, MaxIdLength), Optional(item.Author.DisplayName, MaxIdLength),
            WebLink(item.Author.ProfileUrl), item.Author.Followers is >= 0 ? item.Author.Followers : null, item.Author.IsVerified);
        var received = new InboxItemReceived(
            threadId, account.WorkspaceId, account.Id, account.PlatformKey, threadKey, item.Kind, item.PlatformItemId, author, Cut(item.Text ?? string.Empty, MaxTextLength),
            item.CreatedAt, Optional(item.ParentItemId, MaxIdLength), Optional(item.PlatformPostId, MaxIdLength), Optional(item.ConversationId, MaxIdLength),
            WebLink(item.Url), Optional(item.Language, 35), source, InboxSentiment.Stored(item.Sentiment));
        return new NewEvent(InboxStreams.ItemEventIdFor(account.Id, item.PlatformItemId), received);
    }

    /// <summary>
    /// Which thread an item joins: a comment its post's (or its conversation's), a direct message its conversation (or its
    /// author's), a mention or a review its own.
    /// </summary>
    public static string ThreadKeyOf(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            InboxItemKind.Comment when Optional(item.PlatformPostId, MaxIdLength) is { } post => "post:" + post,
            InboxItemKind.Comment when Optional(item.ConversationId, MaxIdLength) is { } conversation => "conversation:" + conversation,
            InboxItemKind.DirectMessage when Optional(item.ConversationId, MaxIdLength) is { } conversation => "dm:" + conversation,
            InboxItemKind.DirectMessage => "dm-author:" + Cut(item.Author.PlatformUserId, MaxIdLength),
            InboxItemKind.Review => "review:" + item.PlatformItemId,
            _ => "item:" + item.PlatformItemId,
        };
    }

    private async Task<bool> StoreOneAsync(NewEvent received, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var stream = InboxStreams.Thread(((InboxItemReceived)received.Data).ThreadId);
        try
        {
            return !(await store.AppendGroupedAsync(stream, [received], metadata, cancellationToken)).Replayed;
        }
        catch (DuplicateEventException)
        {
            // Delivered before (another delivery, a poll, another node): stored once already.
            return false;
        }
    }

    // Only web links are kept: a javascript: or data: address from a stranger never reaches a page.
    private static string? WebLink(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.OriginalString.Length <= 2000
            ? uri.AbsoluteUri
            : null;

    private static string? Optional(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Cut(text, max);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
