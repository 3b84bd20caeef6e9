using Extensible.EventStore;
using Extensible.Publishing.Scheduling;

namespace Extensible.Publishing.Posts;

/// <summary>
/// The commands on posts. Each reads the post's stream, decides on what it says, and appends at the version it read: a
/// command racing another loses with <see cref="PostChangedException"/> and writes nothing. Drafts may be invalid for
/// their networks; a schedule may not (<see cref="PostValidation"/> checks every target first).
/// </summary>
public sealed class PostService(EventStore.EventStore store, PostValidation validation, PublishingSettings settings, TimeProvider clock)
{
    /// <summary>Starts a post (a draft) with its shared content and the accounts it goes to; returns its id.</summary>
    /// <exception cref="PostValidationException">Content out of bounds, or an account that is not this workspace's.</exception>
    public async Task<Guid> DraftAsync(PublishingActor actor, PostContentDraft content, IReadOnlyList<PostTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PostInput.Check(content, targets);
        await validation.EnsureAccountsAsync(actor.WorkspaceId, targets, cancellationToken);
        var postId = Guid.CreateVersion7();
        await AppendAsync(actor, postId, ExpectedVersion.NoStream, new PostDrafted(postId, actor.WorkspaceId, Clean(content), Clean(targets), actor.UserId), cancellationToken);
        return postId;
    }

    /// <summary>
    /// Changes a post's content or targets (drafts as people type; scheduled posts until they go out, checked like a schedule).
    /// Targets already sent keep what they sent. Returns the post's new version.
    /// </summary>
    /// <param name="actor">Who edits.</param>
    /// <param name="postId">The post.</param>
    /// <param name="content">The shared content.</param>
    /// <param name="targets">The accounts and their variants.</param>
    /// <param name="expectedVersion">The version the editor saw; <see langword="null"/> for the one read now.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <exception cref="PostChangedException">The post is not at <paramref name="expectedVersion"/>, or changed while deciding.</exception>
    public async Task<long> EditAsync(PublishingActor actor, Guid postId, PostContentDraft content, IReadOnlyList<PostTarget> targets, long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        PostInput.Check(content, targets);
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        await validation.EnsureAccountsAsync(actor.WorkspaceId, targets, cancellationToken);
        if (post.Scheduled)
        {
            await validation.EnsureSchedulableAsync(actor.WorkspaceId, postId, content, [.. targets.Where(t => !post.Started(t.AccountId))], post.DueAt, cancellationToken);
        }

        return await AppendAsync(actor, postId, post.Version, new PostEdited(postId, actor.WorkspaceId, Clean(content), Clean(targets), actor.UserId), cancellationToken);
    }

    /// <summary>
    /// Schedules a post at a local time in a zone (the workspace's when none is named); a post already scheduled moves.
    /// Returns the post's new version.
    /// </summary>
    /// <exception cref="LocalTimeQuestionException">The time does not exist or happens twice in the zone: the caller is asked.</exception>
    /// <exception cref="PostValidationException">An unknown zone, a time in the past, or a target its network would refuse.</exception>
    public async Task<long> ScheduleAsync(PublishingActor actor, Guid postId, LocalDueTime when, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(when);
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        var (dueAt, zone) = await DueAtAsync(actor.WorkspaceId, when, cancellationToken);
        await EnsureSchedulableAsync(actor, post, dueAt, cancellationToken);
        object e = post.Scheduled
            ? new PostRescheduled(postId, actor.WorkspaceId, dueAt, zone.Id, when.LocalText, actor.UserId)
            : new PostScheduled(postId, actor.WorkspaceId, dueAt, zone.Id, when.LocalText, false, actor.UserId);
        return await AppendAsync(actor, postId, post.Version, e, cancellationToken);
    }

    /// <summary>Sends a post's unsent targets now (a draft or a scheduled post). Returns the post's new version.</summary>
    /// <exception cref="PostValidationException">A target its network would refuse, or nothing left to send.</exception>
    public async Task<long> PublishNowAsync(PublishingActor actor, Guid postId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        var now = clock.GetUtcNow();
        await EnsureSchedulableAsync(actor, post, now, cancellationToken);
        var zone = ScheduleTime.FindZone(await settings.WorkspaceTimeZoneAsync(actor.WorkspaceId, cancellationToken));
        var local = new LocalDueTime(ScheduleTime.ToLocal(now, zone), zone.Id);
        return await AppendAsync(actor, postId, post.Version, new PostScheduled(postId, actor.WorkspaceId, now, zone.Id, local.LocalText, true, actor.UserId), cancellationToken);
    }

    /// <summary>Moves a scheduled post to another time (the calendar's drag). Returns the post's new version.</summary>
    /// <exception cref="LocalTimeQuestionException">The time does not exist or happens twice in the zone.</exception>
    /// <exception cref="PostValidationException">Not scheduled, an unknown zone, a time in the past, or a target its network would refuse.</exception>
    public async Task<long> RescheduleAsync(PublishingActor actor, Guid postId, LocalDueTime when, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(when);
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        if (!post.Scheduled)
        {
            throw new PostValidationException("post", "This post is a draft: schedule it rather than reschedule it.");
        }

        var (dueAt, zone) = await DueAtAsync(actor.WorkspaceId, when, cancellationToken);
        await EnsureSchedulableAsync(actor, post, dueAt, cancellationToken);
        return await AppendAsync(actor, postId, post.Version, new PostRescheduled(postId, actor.WorkspaceId, dueAt, zone.Id, when.LocalText, actor.UserId), cancellationToken);
    }

    /// <summary>Takes a scheduled post back to a draft; targets already sent stay sent. Returns the post's new version.</summary>
    /// <exception cref="PostValidationException">The post is not scheduled.</exception>
    public async Task<long> UnscheduleAsync(PublishingActor actor, Guid postId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        if (!post.Scheduled)
        {
            throw new PostValidationException("post", "This post is not scheduled.");
        }

        return await AppendAsync(actor, postId, post.Version, new PostUnscheduled(postId, actor.WorkspaceId, actor.UserId), cancellationToken);
    }

    /// <summary>Removes a post from the workspace: targets not yet sent are dropped; what went out stays on the networks.</summary>
    public async Task<long> DiscardAsync(PublishingActor actor, Guid postId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        EnsureOpen(post);
        return await AppendAsync(actor, postId, post.Version, new PostDiscarded(postId, actor.WorkspaceId, actor.UserId), cancellationToken);
    }

    /// <summary>A new draft with the same content, targets and variants; returns its id.</summary>
    public async Task<Guid> DuplicateAsync(PublishingActor actor, Guid postId, CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, null, cancellationToken);
        return await DraftAsync(actor, post.Content, [.. post.Targets], cancellationToken);
    }

    /// <summary>Sends a failed target again now. Returns the post's new version.</summary>
    /// <exception cref="PostNotFoundException">The post does not go to that account.</exception>
    /// <exception cref="PostValidationException">The target has not failed.</exception>
    public async Task<long> RetryTargetAsync(PublishingActor actor, Guid postId, Guid accountId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        var status = TargetStatus(post, accountId);
        if (status is not ("failed" or "retrying"))
        {
            throw new PostValidationException(PostProblem.TargetField(accountId, "status"), $"Only a failed target is retried; this one is {PostStatuses.Describe(status)}.");
        }

        return await AppendAsync(actor, postId, post.Version, new TargetRetried(postId, actor.WorkspaceId, accountId, actor.UserId), cancellationToken);
    }

    /// <summary>Settles a target in doubt after a crash: send again, mark as sent (with its address when known), or drop.</summary>
    /// <exception cref="PostNotFoundException">The post does not go to that account.</exception>
    /// <exception cref="PostValidationException">The target needs no decision, or the address is not an http(s) URL.</exception>
    public async Task<long> DecideAsync(PublishingActor actor, Guid postId, Guid accountId, TargetDecision decision, string? url = null, long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        var post = await ReadAsync(actor, postId, expectedVersion, cancellationToken);
        var status = TargetStatus(post, accountId);
        if (status != "needs_decision")
        {
            throw new PostValidationException(PostProblem.TargetField(accountId, "status"), $"This target needs no decision; it is {PostStatuses.Describe(status)}.");
        }

        object e = decision switch
        {
            TargetDecision.SendAgain => new TargetRetried(postId, actor.WorkspaceId, accountId, actor.UserId),
            TargetDecision.MarkSent => new TargetMarkedSent(postId, actor.WorkspaceId, accountId, PostInput.Url(url), actor.UserId),
            TargetDecision.Drop => new TargetDropped(postId, actor.WorkspaceId, accountId, actor.UserId),
            _ => throw new PostValidationException("decision", "Decide to send again, mark as sent, or drop."),
        };
        return await AppendAsync(actor, postId, post.Version, e, cancellationToken);
    }

    private async Task<(DateTimeOffset DueAt, TimeZoneInfo Zone)> DueAtAsync(Guid workspaceId, LocalDueTime when, CancellationToken cancellationToken)
    {
        var zone = ScheduleTime.FindZone(when.TimeZone ?? await settings.WorkspaceTimeZoneAsync(workspaceId, cancellationToken));
        var dueAt = ScheduleTime.ToInstant(when.Local, zone, when.Offset);
        if (dueAt <= clock.GetUtcNow())
        {
            throw new PostValidationException("localTime", $"{when.LocalText.Replace('T', ' ')} in {zone.Id} has already passed: pick a later time, or publish now.");
        }

        return (dueAt, zone);
    }

    private async Task EnsureSchedulableAsync(PublishingActor actor, PostState post, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var unsent = post.Targets.Where(t => !post.Started(t.AccountId)).ToList();
        if (post.Targets.Count == 0)
        {
            throw new PostValidationException("targets", "Pick at least one account to post to.");
        }

        if (unsent.Count == 0)
        {
            throw new PostValidationException("targets", "Every account of this post has been sent to already: nothing is left to schedule.");
        }

        await validation.EnsureSchedulableAsync(actor.WorkspaceId, post.PostId, post.Content, unsent, dueAt, cancellationToken);
    }

    private async Task<PostState> ReadAsync(PublishingActor actor, Guid postId, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var events = await store.ReadStreamAsync(PublishingStreams.Post(postId), tenant: actor.WorkspaceId.ToString(), cancellationToken: cancellationToken);
        var post = PostState.From(events) ?? throw new PostNotFoundException("No such post in this workspace.");
        if (expectedVersion is { } expected && expected != post.Version)
        {
            throw new PostChangedException(postId, expected, post.Version);
        }

        return post;
    }

    private async Task<long> AppendAsync(PublishingActor actor, Guid postId, long version, object e, CancellationToken cancellationToken)
    {
        try
        {
            var stream = PublishingStreams.Post(postId);
            var result = await store.AppendAsync(stream, version, [e], actor.Metadata, cancellationToken);
            return result.VersionOf(stream);
        }
        catch (StreamConcurrencyException conflict)
        {
            throw new PostChangedException(postId, version, conflict.ActualVersion, conflict);
        }
    }

    private static void EnsureOpen(PostState post)
    {
        if (post.Discarded)
        {
            throw new PostValidationException("post", "This post was discarded: duplicate it to use it again.");
        }
    }

    private static string TargetStatus(PostState post, Guid accountId) =>
        post.Status.TryGetValue(accountId, out var status) ? status : throw new PostNotFoundException("This post does not go to that account.");

    private static PostContentDraft Clean(PostContentDraft content) => PostInput.Clean(content);

    private static List<PostTarget> Clean(IReadOnlyList<PostTarget> targets) =>
        [.. targets.Select(t => t with { Variant = t.Variant is null ? null : PostInput.Clean(t.Variant) })];
}
