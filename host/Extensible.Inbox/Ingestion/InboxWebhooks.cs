using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Extensible.EventStore;
using Extensible.Inbox.Threads;
using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Inbox.Ingestion;

/// <summary>
/// Receives a network's webhook deliveries for one account: the account's connector verifies the signature (or answers
/// the subscription handshake) and reads the items, which are stored before the answer. A network retries what is not
/// answered 200, so the answer says 200 only once the items have committed, and 503 whenever this side could not store
/// them (the database is away, the plugin is not running): a retry then loses nothing.
/// </summary>
public sealed class InboxWebhooks(AccountDirectory accounts, AccountVault vault, InboxIngestion ingestion, EventStore.EventStore store, TimeProvider clock, ILogger<InboxWebhooks> logger)
{
    /// <summary>
    /// How long a hook's account, once read, serves the deliveries that follow without reading it again (a busy network
    /// sends hundreds a second). A disconnect reaches the hook within this time.
    /// </summary>
    public static readonly TimeSpan AccountFreshFor = TimeSpan.FromSeconds(5);

    // Only accounts that exist are kept (an address a prober makes up costs a read, never memory), and only so many.
    private const int KeptAccounts = 10_000;

    private readonly ConcurrentDictionary<Guid, (AccountRecord Account, DateTimeOffset Until)> _accounts = new();
    private readonly ConditionalWeakTable<GuardedCapability<IPlatformConnector>, KnownFeatures> _features = new();

    /// <summary>How much of an unreadable body is kept for an operator.</summary>
    public const int KeptBodyLength = 64 * 1024;

    /// <summary>Handles one delivery to <c>/webhooks/{pluginId}/{accountId}</c>.</summary>
    public async Task<WebhookAnswer> ReceiveAsync(string pluginId, Guid accountId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            return await HandleAsync(pluginId, accountId, delivery, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || e.InnerException is NpgsqlException)
        {
            InboxLog.WebhookUnavailable(logger, accountId, e);
            return new WebhookAnswer(503, "The inbox cannot store deliveries right now; send again later.");
        }
        catch (PluginCallException e) when (!cancellationToken.IsCancellationRequested)
        {
            InboxLog.WebhookUnavailable(logger, accountId, e);
            return new WebhookAnswer(503, "The network's plugin could not take the delivery right now; send again later.");
        }
    }

    private async Task<WebhookAnswer> HandleAsync(string pluginId, Guid accountId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        // The same answer for every hook that is not there, so a prober learns nothing about accounts.
        if (await FindAccountAsync(accountId, cancellationToken) is not { } account || account.PluginId != pluginId)
        {
            return new WebhookAnswer(404, "No such webhook.");
        }

        if (account.Health == AccountHealth.Disconnected)
        {
            return new WebhookAnswer(410, "This account was disconnected; stop sending.");
        }

        if (vault.FindConnector(account.PluginId, account.PlatformKey) is not { } connector)
        {
            return new WebhookAnswer(503, "The network's plugin is not running; send again later.");
        }

        if (!(await FeaturesAsync(connector, cancellationToken)).HasFlag(PlatformFeatures.Webhooks))
        {
            return new WebhookAnswer(404, "No such webhook.");
        }

        var (answer, unreadable) = await TakeAsync(account, connector, delivery, cancellationToken);
        return unreadable is null ? answer : await KeepAsync(account, delivery, unreadable, cancellationToken);
    }

    /// <summary>
    /// Runs a kept delivery through its account's connector again, as it arrived (<see cref="WebhookDelivery.ReceivedAt"/>
    /// set to its first arrival, so a signature is not refused for its age): answers how many items it held and how many
    /// were new, or why it still cannot be read. Nothing is kept again; the caller records the outcome.
    /// </summary>
    /// <exception cref="Actions.InboxActionException">The network's plugin is not running or failed: nothing was tried.</exception>
    public async Task<WebhookReplay> ReplayAsync(Guid accountId, string pluginId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await accounts.FindByIdAsync(accountId, cancellationToken) is not { } account || account.PluginId != pluginId)
        {
            return WebhookReplay.Failed("The account is no longer connected here.");
        }

        if (account.Health == AccountHealth.Disconnected)
        {
            return WebhookReplay.Failed("The account was disconnected; connect it again first.");
        }

        if (vault.FindConnector(account.PluginId, account.PlatformKey) is not { } connector)
        {
            throw new Actions.InboxActionException("The network's plugin is not running; replay once it is.");
        }

        try
        {
            var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
            if (!profile.Features.HasFlag(PlatformFeatures.Webhooks))
            {
                return WebhookReplay.Failed($"{profile.DisplayName} takes no webhooks any more.");
            }

            var (answer, unreadable) = await TakeAsync(account, connector, delivery, cancellationToken);
            return unreadable is not null ? WebhookReplay.Failed(unreadable)
                : answer.StatusCode == 401 ? WebhookReplay.Failed("The connector refused the delivery's signature this time.")
                : answer.Items is null ? WebhookReplay.Failed("The connector took it for a subscription handshake, not a delivery.")
                : new WebhookReplay(true, answer.Items.Value, answer.Stored, null);
        }
        catch (PluginCallException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Actions.InboxActionException($"The network's plugin failed: {e.Message}");
        }
    }

    // What the connector made of a delivery: stored (200, with how many items), a handshake (200), forged (401), or
    // unreadable (the reason it is kept for).
    private async Task<(WebhookAnswer Answer, string? Unreadable)> TakeAsync(
        AccountRecord account, GuardedCapability<IPlatformConnector> connector, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await connector.CallAsync("webhook", (c, t) => c.HandleWebhookAsync(delivery, t), cancellationToken);
        switch (result.Outcome)
        {
            case WebhookOutcome.Challenge:
                return (new WebhookAnswer(200, result.ChallengeResponse ?? string.Empty), null);
            case WebhookOutcome.Accepted:
                break;
            case WebhookOutcome.Malformed:
                return (Kept, result.Reason ?? "The connector could not read the delivery.");
            default:
                InboxLog.WebhookRejected(logger, account.Id, result.Reason ?? "no reason given");
                return (new WebhookAnswer(401, "The delivery's signature did not check out."), null);
        }

        if (result.Items.FirstOrDefault(i => i.PlatformAccountId != account.PlatformAccountId) is { } stray)
        {
            return (Kept, $"The delivery holds items for another network account ('{Cut(stray.PlatformAccountId, 100)}') than this hook's.");
        }

        int stored;
        try
        {
            stored = await ingestion.StoreAsync(account, [.. result.Items.Select(i => i.Item)], "webhook", cancellationToken);
        }
        catch (InboxItemRefusedException e)
        {
            return (Kept, e.Message);
        }

        InboxLog.WebhookStored(logger, account.Id, result.Items.Count, stored);
        return (new WebhookAnswer(200, "Stored.", stored) { Items = result.Items.Count }, null);
    }

    // A running connector's profile does not change (a reloaded plugin is a new capability): asked once, not per delivery.
    private async Task<PlatformFeatures> FeaturesAsync(GuardedCapability<IPlatformConnector> connector, CancellationToken cancellationToken)
    {
        if (_features.TryGetValue(connector, out var known))
        {
            return known.Features;
        }

        var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
        _features.AddOrUpdate(connector, new KnownFeatures(profile.Features));
        return profile.Features;
    }

    private async Task<AccountRecord?> FindAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_accounts.TryGetValue(accountId, out var kept) && kept.Until > now)
        {
            return kept.Account;
        }

        var account = await accounts.FindByIdAsync(accountId, cancellationToken);
        if (account is null)
        {
            _accounts.TryRemove(accountId, out _);
            return null;
        }

        if (_accounts.Count >= KeptAccounts)
        {
            _accounts.Clear();
        }

        _accounts[accountId] = (account, now + AccountFreshFor);
        return account;
    }

    // A genuine delivery that cannot be read is kept (cut to a size) for an operator, and answered 400 so the network does
    // not send it again and again.
    private async Task<WebhookAnswer> KeepAsync(AccountRecord account, WebhookDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(delivery.Body.Span[..Math.Min(delivery.Body.Length, KeptBodyLength)]);
        // The whole request is kept too (the endpoint has capped the body already), so it can be replayed as it came.
        var failed = new InboxDeliveryFailed(
            account.Id, account.WorkspaceId, account.PluginId, Cut(reason, 1000), body, delivery.Body.Length > KeptBodyLength, delivery.Method, delivery.Query,
            delivery.Headers.Where(h => h.Key != "cookie").ToDictionary(StringComparer.Ordinal), Convert.ToBase64String(delivery.Body.Span));
        await store.AppendGroupedAsync(InboxStreams.Deliveries(account.Id), [failed],
            new EventMetadata { Tenant = account.WorkspaceId.ToString(), User = "inbox:webhook" }, cancellationToken);
        InboxLog.WebhookKept(logger, account.Id, reason);
        return Kept;
    }

    private sealed record KnownFeatures(PlatformFeatures Features);

    private static WebhookAnswer Kept => new(400, "The delivery could not be read; it was kept for an operator.");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
