using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Refreshes credentials before they expire, on every node: each pass takes the connected accounts whose credentials
/// expire within the margin (twice the margin ahead, so an account nobody uses stays fresh). Two nodes may pick the same
/// account; the vault's per-account lock and its second look make the later one find fresh credentials and do nothing.
/// </summary>
public sealed class AccountRefresher(AccountDirectory directory, AccountVault vault, TimeProvider clock, IOptions<AccountsOptions> options, ILogger<AccountRefresher> logger)
    : BackgroundService
{
    private const int BatchSize = 50;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        try
        {
            do
            {
                await RefreshDueAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: refreshes what expires soon.</summary>
    internal async Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(Guid WorkspaceId, Guid AccountId)> due;
        try
        {
            due = await directory.ExpiringAsync(clock.GetUtcNow() + options.Value.RefreshMargin, BatchSize, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be there yet (start-up) or briefly away: the next pass looks again.
            AccountsLog.BackgroundRefreshFailed(logger, Guid.Empty, e);
            return;
        }

        foreach (var (workspaceId, accountId) in due)
        {
            try
            {
                await vault.RefreshIfExpiringAsync(workspaceId, accountId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AccountsLog.BackgroundRefreshFailed(logger, accountId, e);
            }
        }
    }
}
