using Extensible.EventStore;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Publishing.Publisher;

/// <summary>
/// The publisher on this node: sleeps until the next due instant (woken early when the event log says a post was
/// scheduled, rescheduled or retried, or an account came back), claims due targets with <c>FOR UPDATE SKIP LOCKED</c> in
/// the transaction that records "publish started", and calls the networks with bounded concurrency per account and per
/// connector. Any number of nodes run one each on one database; none ever holds a target another holds.
/// </summary>
internal sealed class PublishScheduler(
    EventStore.EventStore store, NpgsqlDataSource dataSource, TargetPublication publication, PostStreamGate gate, PublisherStatus status, IOptions<PublisherOptions> options,
    TimeProvider clock, ILogger<PublishScheduler> logger) : BackgroundService
{
    private readonly PublisherOptions _settings = options.Value;
    private readonly ConcurrencyGates _accounts = new(options.Value.MaxConcurrentPerAccount);
    private readonly ConcurrencyGates _connectors = new(options.Value.MaxConcurrentPerConnector);
    private readonly CancellationTokenSource _calls = new();
    private readonly List<Task> _running = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Node { get; } = string.IsNullOrWhiteSpace(options.Value.Node)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : options.Value.Node;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Enabled)
        {
            return;
        }

        status.Node = Node;
        await using var follower = await EventSubscription.StartAsync(store, WakeOnAsync, cancellationToken: stoppingToken);
        PublisherLog.Started(logger, Node);
        // The heartbeat has a loop of its own: a claim or a query slowed down by a busy database must not make this node
        // look dead to the others (they would take over its targets, by key, but needlessly).
        var beating = BeatAsync(stoppingToken);
        var nextBeat = clock.GetUtcNow() + _settings.HeartbeatInterval;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                status.Ticked();
                var now = clock.GetUtcNow();
                if (now >= nextBeat)
                {
                    nextBeat = now + _settings.HeartbeatInterval;
                }

                var claimed = await ClaimAsync(now, stoppingToken);
                var sleep = Full
                    // Full: go on when enough slots free (each finished call wakes the loop).
                    ? nextBeat - now
                    : claimed > 0
                        ? TimeSpan.Zero
                        // Nothing claimable now: until the next due instant, but never spinning on targets another node holds.
                        : await UntilNextDueAsync(now, stoppingToken) is { } due && due < nextBeat - now ? Max(due, TimeSpan.FromMilliseconds(20)) : nextBeat - now;
                failures = 0;
                await SleepAsync(wake, sleep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, failures++)));
                PublisherLog.LoopFailed(logger, delay, e);
                await SleepAsync(wake, delay, stoppingToken);
            }
        }

        await beating;
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DueTargets.BeatAsync(dataSource, Node, clock.GetUtcNow(), cancellationToken);
                await Task.Delay(_settings.HeartbeatInterval / 2, clock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                PublisherLog.LoopFailed(logger, _settings.HeartbeatInterval, e);
                await Task.Delay(_settings.HeartbeatInterval / 4, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        // Calls under way may finish and record their outcome; what does not is reconciled by key after the lease.
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5), clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _calls.CancelAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _calls.Dispose();
        base.Dispose();
    }

    // Claims are made a quarter of the slots at a time: one claim's transaction costs about the same for one target as
    // for sixty, claiming a single target each time a call ends would spend the node on claims, and a node that took
    // all its slots at once would leave nothing for the other nodes waking at the same instant.
    private int ClaimBatch => Math.Max(1, _settings.MaxInFlight / 4);

    private bool Full => status.InFlight > 0 && _settings.MaxInFlight - status.InFlight < ClaimBatch;

    private async Task<int> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var capacity = Math.Min(ClaimBatch, _settings.MaxInFlight - status.InFlight);
        if (Full || capacity <= 0)
        {
            return 0;
        }

        var leaseCutoff = now - _settings.Lease;
        IReadOnlyList<Guid> workspaces;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            workspaces = await DueTargets.WorkspacesDueAsync(connection, now, leaseCutoff, cancellationToken);
        }

        var total = 0;
        foreach (var workspaceId in workspaces)
        {
            IReadOnlyList<ClaimedTarget> claimed = [];
            using (await gate.EnterAsync(cancellationToken))
            {
                await store.AppendDecidedAsync(
                    async (connection, token) =>
                    {
                        claimed = await DueTargets.LockAsync(connection, workspaceId, now, leaseCutoff, capacity, token);
                        return [.. claimed.GroupBy(t => t.PostId).OrderBy(g => g.Key).Select(g => new StreamAppend(PublishingStreams.Post(g.Key), ExpectedVersion.Any,
                            [.. g.Select(t => NewEvent.For(new TargetPublishStarted(t.PostId, t.WorkspaceId, t.AccountId, t.IdempotencyKey, t.Attempt, Node)))]))];
                    },
                    new EventMetadata { Tenant = workspaceId.ToString(), User = "publisher" },
                    cancellationToken);
            }

            if (claimed.Count > 0)
            {
                PublisherLog.Claimed(logger, claimed.Count, workspaceId);
            }

            foreach (var target in claimed)
            {
                Start(target);
            }

            capacity -= claimed.Count;
            total += claimed.Count;
            if (capacity <= 0)
            {
                break;
            }
        }

        return total;
    }

    private void Start(ClaimedTarget target)
    {
        status.Began();
        var task = Task.Run(async () =>
        {
            try
            {
                object outcome;
                // The account's and the connector's slots bound calls to the network; they are handed on as soon as the
                // network has answered, not after the outcome's commit (which would hold each slot a commit longer).
                using (await _accounts.EnterAsync(target.AccountId.ToString(), _calls.Token))
                using (await _connectors.EnterAsync(target.PlatformKey, _calls.Token))
                {
                    outcome = await publication.PublishAsync(target, _calls.Token);
                }

                await publication.RecordAsync(target, outcome, _calls.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !_calls.IsCancellationRequested)
            {
                PublisherLog.OutcomeLost(logger, target.PostId, target.AccountId, e);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the target stays "publishing" and is reconciled by key after the lease.
            }
            finally
            {
                status.Ended();
                Wake();
            }
        });
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private async Task<TimeSpan?> UntilNextDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await DueTargets.NextDueAsync(connection, cancellationToken) is { } due ? due - now : null;
    }

    private async Task SleepAsync(Task wake, TimeSpan sleep, CancellationToken cancellationToken)
    {
        if (sleep <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(sleep, clock, timer.Token);
        await Task.WhenAny(wake, delay);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Wake() => Interlocked.Exchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    // What makes something due sooner than the loop planned: a new or moved schedule, a retry, an account back in service.
    private Task WakeOnAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Data is PostScheduled or PostRescheduled or PostEdited or TargetRetried or TargetFailed or AccountReconnected or AccountPauseChanged or AccountConnected))
        {
            Wake();
        }

        return Task.CompletedTask;
    }
}
