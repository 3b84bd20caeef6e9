using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Inbox.Ingestion;

/// <summary>
/// Polls the inboxes of connected accounts whose connector reads them by cursor. Each due account is claimed by one node
/// (a lease in the database), polled, its items stored, and only then its cursor moved: a crash between the two polls the
/// same page again, and the items' ids keep them from being stored twice. Failures back off; a network's rate limit is
/// waited out; credentials the network refuses mark the account "needs reconnect".
/// </summary>
internal sealed class InboxPoller(
    NpgsqlDataSource db, AccountVault vault, InboxIngestion ingestion, IOptions<InboxOptions> options, TimeProvider clock, ILogger<InboxPoller> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly string _node = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Polling)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                await PollState.AddNewAccountsAsync(db, now, stoppingToken);
                var claimed = await PollState.ClaimAsync(db, _node, now, settings.PollLease, settings.MaxConcurrentPolls, stoppingToken);
                await Task.WhenAll(claimed.Select(c => PollAsync(c.AccountId, c.Cursor, c.Failures, stoppingToken)));
                failures = 0;
                if (claimed.Count < settings.MaxConcurrentPolls)
                {
                    await Task.Delay(Tick, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, failures++)));
                InboxLog.PollerFailed(logger, delay, e);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PollAsync(Guid accountId, string? cursor, int failures, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        AccountRecord? account = null;
        try
        {
            var access = await vault.OpenAsync(await WorkspaceOfAsync(accountId, cancellationToken), accountId, cancellationToken);
            account = access?.Account;
            if (access?.Credentials is not { } credentials || access.Connector is not { } connector)
            {
                // Not connected any more, or its plugin is not running here: look again later.
                await PollState.FailedAsync(db, accountId, _node, failures, access is null ? "No such account." : "The account cannot be polled now.",
                    clock.GetUtcNow() + settings.PollInterval, cancellationToken);
                return;
            }

            var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
            if (!profile.Features.HasFlag(PlatformFeatures.InboxPolling))
            {
                await PollState.FailedAsync(db, accountId, _node, 0, null, clock.GetUtcNow() + TimeSpan.FromHours(1), cancellationToken);
                return;
            }

            var page = await connector.CallAsync("poll inbox", (c, t) => c.PollInboxAsync(credentials, cursor, t), cancellationToken);
            var stored = await ingestion.StoreAsync(access.Account, page.Items, "poll", cancellationToken);
            InboxLog.Polled(logger, accountId, page.Items.Count, stored);
            var now = clock.GetUtcNow();
            var again = page.PollAgainAfter is { } after && after >= TimeSpan.Zero ? Min(after, settings.MaxPollBackoff) : settings.PollInterval;
            await PollState.SucceededAsync(db, accountId, _node, page.NextCursor, now, now + again, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (delay, reason) = e switch
            {
                PlatformException { Failure: PlatformFailure.RateLimited } p => (p.RetryAfter is { } after && after > TimeSpan.Zero ? after : settings.PollInterval, p.Message),
                PlatformException p => (Backoff(failures + 1), p.Message),
                PluginCallException p => (Backoff(failures + 1), p.Message),
                InboxItemRefusedException r => (Backoff(failures + 1), r.Message),
                _ => (Backoff(failures + 1), "The server could not finish the poll (see its log)."),
            };
            if (e is PlatformException { Failure: PlatformFailure.NeedsReconnect } && account is not null)
            {
                await vault.ReportNeedsReconnectAsync(account.WorkspaceId, account.Id, e.Message, cancellationToken);
            }

            InboxLog.PollFailed(logger, accountId, failures + 1, delay, reason);
            await PollState.FailedAsync(db, accountId, _node, failures + 1, reason, clock.GetUtcNow() + delay, cancellationToken);
        }
    }

    private TimeSpan Backoff(int failures) =>
        Min(TimeSpan.FromTicks(options.Value.PollInterval.Ticks * (1L << Math.Min(failures, 16))), options.Value.MaxPollBackoff);

    private async Task<Guid> WorkspaceOfAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select workspace_id from publishing_accounts where id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid workspaceId ? workspaceId : Guid.Empty;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
