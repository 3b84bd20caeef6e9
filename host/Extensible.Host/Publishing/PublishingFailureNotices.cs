using Extensible.Admin.Live;
using Extensible.EventStore;
using Extensible.Publishing.Posts;
using Npgsql;

namespace Extensible.Host.Publishing;

/// <summary>
/// Nothing fails silently: every failed target, and every target that needs a person's decision, raises a live notice
/// in the consoles of its workspace open on this node (each node follows the event log, whichever node published).
/// </summary>
public sealed partial class PublishingFailureNotices(EventStore.EventStore store, NpgsqlDataSource dataSource, ConsolePush push, ILogger<PublishingFailureNotices> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var follower = await EventSubscription.StartAsync(store, NotifyAsync, cancellationToken: stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var notice = e.Data switch
            {
                TargetFailed { RetryAt: null } f => (f.WorkspaceId, f.AccountId, Text: (Func<string, string>)(a => $"A post failed on {a}: {f.Message}"), Kind: Toast.Error),
                TargetFailed f => (f.WorkspaceId, f.AccountId, Text: a => $"A post will be retried on {a}: {f.Message}", Kind: Toast.Info),
                TargetNeedsDecision d => (d.WorkspaceId, d.AccountId, Text: a => $"A post on {a} needs a decision: {d.Reason}", Kind: Toast.Error),
                _ => default,
            };
            if (notice.Text is null)
            {
                continue;
            }

            try
            {
                var account = await HandleAsync(notice.AccountId, cancellationToken) ?? "an account";
                await push.ToastAsync(notice.WorkspaceId.ToString(), new Toast(notice.Text(account), notice.Kind), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                NoticeFailed(logger, failure);
            }
        }
    }

    private async Task<string?> HandleAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select handle from publishing_accounts where id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    [LoggerMessage(1, LogLevel.Warning, "A publishing failure could not be pushed to the console.")]
    private static partial void NoticeFailed(ILogger logger, Exception exception);
}
