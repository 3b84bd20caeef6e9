using System.Text.Json;
using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extensible.Publishing.Publisher;

/// <summary>
/// One claimed target's call to its network and the event that records how it went: published, failed (retrying,
/// waiting or final, by the SDK's failure classification) or, for a target taken over from a dead node whose network
/// cannot be asked, in need of a person's decision.
/// </summary>
internal sealed class TargetPublication(
    IPluginCapabilities plugins, AccountVault accounts, MediaLibrary media, OutcomeRecorder outcomes, TimeProvider clock, IOptions<PublisherOptions> options,
    ILogger<TargetPublication> logger)
{
    /// <summary>
    /// Publishes the target and returns its outcome (published, failed, needs a decision) for <see cref="RecordAsync"/>;
    /// it never throws for what the network, the plugin or this side did wrong.
    /// </summary>
    public async Task<object> PublishAsync(ClaimedTarget target, CancellationToken cancellationToken)
    {
        object outcome;
        try
        {
            outcome = await CallAsync(target, cancellationToken);
        }
        catch (PlatformException e)
        {
            outcome = await FailedAsync(target, e, cancellationToken);
        }
        catch (MediaRefusedException e)
        {
            // The post names media this workspace's library does not have: no retry will change that.
            outcome = await FailedAsync(target, new PlatformException(PlatformFailure.Rejected, e.Message), cancellationToken);
        }
        catch (PluginCallException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The plugin is down, timed out or paused by its breaker: the network never answered, so trying later is safe.
            outcome = await FailedAsync(target, new PlatformException(PlatformFailure.Retryable, e.Message), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // This side failed (the database, the credentials' decryption): a target must never stay "publishing" on a
            // live node, so it is retried, and the retry asks the network first whether the post went out.
            PublisherLog.CallFailed(logger, target.PostId, target.AccountId, e);
            outcome = await FailedAsync(target, new PlatformException(PlatformFailure.Retryable, "The server could not finish the call (see its log)."), cancellationToken);
        }

        return outcome;
    }

    /// <summary>Stores a target's outcome; returns once it is committed (with other outcomes of the moment).</summary>
    public Task RecordAsync(ClaimedTarget target, object outcome, CancellationToken cancellationToken) =>
        outcomes.RecordAsync(target, outcome, cancellationToken);

    private async Task<object> CallAsync(ClaimedTarget target, CancellationToken cancellationToken)
    {
        var connector = plugins.Connectors.FirstOrDefault(c => c.PluginId == target.PluginId && c.Description.Key == target.PlatformKey)
            ?? plugins.Connectors.FirstOrDefault(c => c.Description.Key == target.PlatformKey);
        if (connector is null)
        {
            return target.InDoubtFrom is null
                ? throw PlatformException.Retryable($"No running plugin serves the network '{target.PlatformKey}' (plugin '{target.PluginId}').")
                : Decision(target, $"Node {target.InDoubtFrom} stopped while publishing, and no running plugin serves '{target.PlatformKey}' to look the post up.");
        }

        if (target.AccountHealth == "disconnected")
        {
            throw new PlatformException(PlatformFailure.Rejected, "The account was disconnected; connect it again, then retry the post.");
        }

        // The vault decrypts, and refreshes credentials about to expire; none means the account must be connected again.
        var access = await accounts.OpenAsync(target.WorkspaceId, target.AccountId, cancellationToken);
        var credentials = access?.Credentials
            ?? throw PlatformException.NeedsReconnect(access?.Account.HealthReason ?? "The account has no usable credentials; connect it again.");
        var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
        var canLookUp = profile.Features.HasFlag(PlatformFeatures.LookupByIdempotencyKey);
        if (target.InDoubtFrom is not null && !canLookUp)
        {
            return Decision(target, $"Node {target.InDoubtFrom} stopped while publishing, and {profile.DisplayName} cannot be asked whether the post went out.");
        }

        // A retry, or a target taken over from a dead node, may already be on the network: ask before sending again.
        if ((target.InDoubtFrom is not null || target.Attempt > 1) && canLookUp)
        {
            if (target.InDoubtFrom is not null)
            {
                PublisherLog.Reconciling(logger, target.PostId, target.AccountId, target.InDoubtFrom);
            }

            var found = await connector.CallAsync("find-published", (c, t) => c.FindPublishedAsync(credentials, target.IdempotencyKey, t), cancellationToken);
            if (found is not null)
            {
                return Published(target, found);
            }
        }

        var content = PublishContent.Merge(target.Content, target.Variant);
        var attachments = content.MediaIds is { Count: > 0 } ids ? await media.ToAttachmentsAsync(target.WorkspaceId, ids, cancellationToken) : [];
        var request = new PublishRequest
        {
            Account = credentials,
            IdempotencyKey = target.IdempotencyKey,
            Content = PublishContent.For(content, attachments),
        };
        var published = await connector.CallAsync("publish", (c, t) => c.PublishAsync(request, t), cancellationToken);
        return Published(target, published);
    }

    private TargetPublished Published(ClaimedTarget target, PublishedPost post)
    {
        PublisherLog.Published(logger, target.PostId, target.AccountId, post.PlatformPostId);
        return new TargetPublished(target.PostId, target.WorkspaceId, target.AccountId, post.PlatformPostId, post.Url?.ToString(), post.ThreadPostIds,
            post.FirstCommentId, JsonSerializer.Serialize(post, PublisherJsonContext.Default.PublishedPost));
    }

    private TargetNeedsDecision Decision(ClaimedTarget target, string reason)
    {
        PublisherLog.NeedsDecision(logger, target.PostId, target.AccountId, reason);
        return new TargetNeedsDecision(target.PostId, target.WorkspaceId, target.AccountId, target.IdempotencyKey,
            reason + " Check the network, then send again, mark as sent or drop.");
    }

    private async Task<TargetFailed> FailedAsync(ClaimedTarget target, PlatformException e, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var (retryAt, message) = e.Failure switch
        {
            PlatformFailure.Retryable when target.Attempt >= settings.MaxAttempts =>
                ((DateTimeOffset?)null, $"{e.Message} Gave up after {target.Attempt} attempts."),
            PlatformFailure.Retryable =>
                (now + RetrySchedule.After(target.Attempt, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared), $"{e.Message} Trying again."),
            PlatformFailure.RateLimited =>
                (now + (e.RetryAfter is { } after && after > TimeSpan.Zero ? after : settings.DefaultRetryAfter), $"{e.Message} Waiting as the network asked."),
            PlatformFailure.NeedsReconnect =>
                (now, $"Waiting for the account to be connected again: {e.Message} The post goes out once it is."),
            _ => (null, e.Message),
        };
        if (e.Failure == PlatformFailure.NeedsReconnect)
        {
            await accounts.ReportNeedsReconnectAsync(target.WorkspaceId, target.AccountId, e.Message, cancellationToken);
        }

        PublisherLog.Failed(logger, target.PostId, target.AccountId, e.Failure.ToString(), target.Attempt, e.Message);
        return new TargetFailed(target.PostId, target.WorkspaceId, target.AccountId, e.Failure, message, e.PlatformMessage, e.StatusCode, target.Attempt, retryAt);
    }
}
