using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Media;
using Extensible.Publishing.Scheduling;
using Extensible.Sdk.Connectors;
using Npgsql;

namespace Extensible.Publishing.Posts;

/// <summary>
/// Checks a post against each target's network, through its connector's <see cref="PlatformProfile"/>: the effective content
/// (variant over shared), text lengths as the network counts them, threads and first comments only where the network has
/// them, media against its limits, the connector's own options, and the account's health. The composer's live counters
/// call <see cref="CheckAsync"/> as people type; a schedule is refused while any problem remains.
/// </summary>
public sealed class PostValidation(
    NpgsqlDataSource db, AccountDirectory directory, MediaLibrary library, IPluginCapabilities plugins, CredentialsProtector protector, TimeProvider clock)
{
    /// <summary>How close in time the same text to the same account warns.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(24);

    private static readonly string[] NoSuchAccount = ["No such connected account in this workspace."];

    /// <summary>Checks <paramref name="content"/> for each of <paramref name="targets"/>.</summary>
    /// <exception cref="PostValidationException">Content out of every network's bounds (too many targets, an enormous text).</exception>
    /// <param name="workspaceId">The workspace the post belongs to.</param>
    /// <param name="content">The shared content.</param>
    /// <param name="targets">The accounts and their variants.</param>
    /// <param name="postId">The post itself, left out of the repeated-text warning; <see langword="null"/> for a new one.</param>
    /// <param name="dueAt">When it would go out (the repeated-text warning looks a day either side); now when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<PostCheck> CheckAsync(Guid workspaceId, PostContentDraft content, IReadOnlyList<PostTarget> targets, Guid? postId = null,
        DateTimeOffset? dueAt = null, CancellationToken cancellationToken = default)
    {
        PostInput.Check(content, targets);
        if (dueAt is { Year: < ScheduleTime.MinYear or > ScheduleTime.MaxYear })
        {
            throw new PostValidationException("dueAt", $"Pick a time between the years {ScheduleTime.MinYear} and {ScheduleTime.MaxYear}.");
        }

        var accounts = await AccountsAsync(workspaceId, targets.Select(t => t.AccountId), cancellationToken);
        var effective = targets.Select(t => (Target: t, Content: content.WithVariant(t.Variant))).ToList();
        var media = await MediaAsync(workspaceId, effective.SelectMany(e => e.Content.MediaIds ?? []), cancellationToken);
        var repeats = await RepeatsAsync(workspaceId, postId ?? Guid.Empty, effective, (dueAt ?? clock.GetUtcNow()).ToUniversalTime(), cancellationToken);

        var checks = new List<TargetCheck>();
        foreach (var (target, effectiveContent) in effective)
        {
            checks.Add(await CheckTargetAsync(target.AccountId, effectiveContent, accounts.GetValueOrDefault(target.AccountId), media, repeats.Contains(target.AccountId), cancellationToken));
        }

        List<PostProblem> problems = targets.Count == 0 ? [new PostProblem("targets", "Pick at least one account to post to.")] : [];
        return new PostCheck(checks, problems);
    }

    /// <summary>Refuses targets that are not accounts of the workspace (drafts may be invalid otherwise).</summary>
    internal async Task EnsureAccountsAsync(Guid workspaceId, IReadOnlyList<PostTarget> targets, CancellationToken cancellationToken)
    {
        var accounts = await AccountsAsync(workspaceId, targets.Select(t => t.AccountId), cancellationToken);
        var unknown = targets.Where(t => !accounts.ContainsKey(t.AccountId)).ToList();
        if (unknown.Count > 0)
        {
            throw new PostValidationException(unknown.ToDictionary(t => PostProblem.TargetField(t.AccountId, "accountId"), _ => NoSuchAccount));
        }
    }

    /// <summary>Refuses a schedule while any target has a problem.</summary>
    internal async Task EnsureSchedulableAsync(Guid workspaceId, Guid postId, PostContentDraft content, IReadOnlyList<PostTarget> targets, DateTimeOffset? dueAt,
        CancellationToken cancellationToken)
    {
        var check = await CheckAsync(workspaceId, content, targets, postId, dueAt, cancellationToken);
        if (!check.IsValid)
        {
            throw new PostValidationException(check.Errors());
        }
    }

    private async Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContentDraft content, AccountRecord? account, IReadOnlyDictionary<Guid, MediaItem> media,
        bool repeated, CancellationToken cancellationToken)
    {
        var problems = new List<PostProblem>();
        void Problem(string field, string message) => problems.Add(new PostProblem(PostProblem.TargetField(accountId, field), message));
        if (account is null)
        {
            Problem("accountId", "No such connected account in this workspace.");
            return new TargetCheck(accountId, "", "", "", content, [], problems, [], []);
        }

        var name = $"{account.Handle} ({account.PlatformKey})";
        switch (account)
        {
            case { Health: AccountHealth.Disconnected }:
                Problem("account", $"{name} was disconnected: connect it again, or remove it from this post.");
                break;
            case { Health: AccountHealth.NeedsReconnect }:
                Problem("account", $"{name} needs to be connected again before anything is scheduled for it{(account.HealthReason is { } reason ? $" ({reason})" : "")}.");
                break;
            case { Paused: true }:
                Problem("account", $"Publishing from {name} is paused: resume it in Accounts first.");
                break;
        }

        var profile = await ProfileAsync(account, cancellationToken);
        if (profile is null)
        {
            Problem("account", $"The connector for {account.PlatformKey} is not running, so nothing can be checked or sent for {account.Handle}: ask the server's operator.");
            return new TargetCheck(accountId, account.Handle, account.PlatformKey, account.PlatformKey, content, [], problems, [], []);
        }

        var network = profile.DisplayName;
        var counters = new List<TextCounter>();
        CheckText(content, profile, counters, Problem);
        CheckMedia(content.MediaIds ?? [], media, profile, Problem);
        CheckOptions(content.Options, profile, Problem);
        List<PostProblem> warnings = repeated
            ? [new PostProblem(PostProblem.TargetField(accountId, "text"), $"The same text goes to {account.Handle} on {network} within a day of this post: networks may refuse or hide repeats.")]
            : [];
        return new TargetCheck(accountId, account.Handle, account.PlatformKey, network, content, counters, problems, warnings, profile.PostOptions);
    }

    private static void CheckText(PostContentDraft content, PlatformProfile profile, List<TextCounter> counters, Action<string, string> problem)
    {
        var limit = profile.Text;
        TextCounter Count(string field, string text)
        {
            var counter = new TextCounter(field, limit.Count(text), limit.MaxLength);
            counters.Add(counter);
            return counter;
        }

        var text = Count("text", content.Text ?? "");
        if (text.Remaining < 0)
        {
            problem("text", $"The text counts {text.Count} where {profile.DisplayName} takes {text.Limit}: {-text.Remaining} too many.");
        }

        if (string.IsNullOrWhiteSpace(content.Text) && (content.MediaIds is null || content.MediaIds.Count == 0))
        {
            problem("text", "Write something or attach media: there is nothing to post.");
        }

        if (content.ThreadParts is { Count: > 0 } parts)
        {
            if (!profile.Content.HasFlag(ContentKinds.Thread))
            {
                problem("threadParts", $"{profile.DisplayName} does not take threads: send the text alone here (a variant without thread parts).");
            }

            for (var i = 0; i < parts.Count; i++)
            {
                var part = Count($"threadParts[{i}]", parts[i]);
                if (string.IsNullOrWhiteSpace(parts[i]))
                {
                    problem($"threadParts[{i}]", $"Part {i + 2} of the thread is empty.");
                }
                else if (part.Remaining < 0)
                {
                    problem($"threadParts[{i}]", $"Part {i + 2} of the thread counts {part.Count} where {profile.DisplayName} takes {part.Limit}.");
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(content.FirstComment))
        {
            if (!profile.Features.HasFlag(PlatformFeatures.FirstComment))
            {
                problem("firstComment", $"{profile.DisplayName} has no first comment: leave it out here (a variant without it).");
            }

            var comment = Count("firstComment", content.FirstComment);
            if (comment.Remaining < 0)
            {
                problem("firstComment", $"The first comment counts {comment.Count} where {profile.DisplayName} takes {comment.Limit}.");
            }
        }
    }

    // The library's own check (count, type, size, length), then what only the network's kinds say (carousels, video at all).
    private static void CheckMedia(IReadOnlyList<Guid> ids, IReadOnlyDictionary<Guid, MediaItem> library, PlatformProfile profile, Action<string, string> problem)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var items = new List<MediaItem>();
        foreach (var id in ids)
        {
            if (library.TryGetValue(id, out var item))
            {
                items.Add(item);
            }
            else
            {
                problem("mediaIds", "A media item is not in this workspace's library (deleted?): pick it again.");
            }
        }

        foreach (var found in MediaLibrary.CheckAgainst(profile.Media, items))
        {
            problem("mediaIds", found.Message);
        }

        if (profile.Media.MaxItems <= 0)
        {
            return;
        }

        if (items.Count > 1 && items.Count <= profile.Media.MaxItems && !profile.Content.HasFlag(ContentKinds.Carousel))
        {
            problem("mediaIds", $"{profile.DisplayName} takes one media item per post; this one has {items.Count}.");
        }

        foreach (var item in items.Where(i => !profile.Content.HasFlag(i.Kind == MediaKind.Video ? ContentKinds.Video : ContentKinds.Image)))
        {
            problem("mediaIds", $"{item.FileName}: {profile.DisplayName} takes no {(item.Kind == MediaKind.Video ? "videos" : "images")}.");
        }
    }

    private static void CheckOptions(IReadOnlyDictionary<string, string>? options, PlatformProfile profile, Action<string, string> problem)
    {
        foreach (var field in profile.PostOptions)
        {
            string? value = null;
            options?.TryGetValue(field.Key, out value);
            if (field.Problem(value) is { } message)
            {
                problem($"options.{field.Key}", message);
            }
        }

        foreach (var key in (options?.Keys ?? []).Where(k => !profile.PostOptions.Any(f => f.Key == k)))
        {
            problem($"options.{key}", $"{profile.DisplayName} has no option '{key}'.");
        }
    }

    private async Task<PlatformProfile?> ProfileAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        var connectors = plugins.Connectors.Where(c => c.Description.Key == account.PlatformKey).ToList();
        var connector = connectors.Find(c => c.PluginId == account.PluginId) ?? connectors.FirstOrDefault();
        if (connector is null)
        {
            return null;
        }

        // The account's own limits (its server's) when the connector knows them; the network's otherwise.
        if (await CredentialsAsync(account, cancellationToken) is { } credentials)
        {
            try
            {
                return await connector.CallAsync("profile", (c, _) => Task.FromResult(c.ProfileFor(credentials)), cancellationToken);
            }
            catch (PluginCallException)
            {
                // A connector whose account profile fails still has its network's.
            }
        }

        try
        {
            return await connector.CallAsync("profile", static (c, _) => Task.FromResult(c.Profile), cancellationToken);
        }
        catch (PluginCallException)
        {
            return null;
        }
    }

    private async Task<AccountCredentials?> CredentialsAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        if (account.Health != AccountHealth.Connected
            || await directory.FindWithCredentialsAsync(account.WorkspaceId, account.Id, cancellationToken) is not (_, { } protectedCredentials))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedCredentials);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or System.Text.Json.JsonException or FormatException)
        {
            // Unreadable credentials are the vault's to report (needs reconnect) when the account is used.
            return null;
        }
    }

    private async Task<Dictionary<Guid, AccountRecord>> AccountsAsync(Guid workspaceId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet();
        return wanted.Count == 0
            ? []
            : (await directory.ListAsync(workspaceId, includeDisconnected: true, cancellationToken)).Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id);
    }

    private async Task<Dictionary<Guid, MediaItem>> MediaAsync(Guid workspaceId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return wanted.Length == 0 ? [] : (await library.GetManyAsync(workspaceId, wanted, cancellationToken)).ToDictionary(m => m.Id);
    }

    // Accounts that get the same text from another post within a day either side of this one.
    private async Task<HashSet<Guid>> RepeatsAsync(Guid workspaceId, Guid postId, List<(PostTarget Target, PostContentDraft Content)> targets, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var texts = targets.Where(t => !string.IsNullOrWhiteSpace(t.Content.Text)).ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        await using var command = db.CreateCommand(
            "select distinct x.account_id from unnest($2::uuid[], $3::text[]) as x(account_id, text) "
            + "join publishing_targets t on t.account_id = x.account_id and t.workspace_id = $1 and t.post_id <> $4 "
            + "and t.status not in ('draft', 'dropped', 'deleted') "
            + "join publishing_posts p on p.id = t.post_id and p.state <> 'discarded' "
            + "where coalesce(t.variant->>'text', p.content->>'text') = x.text "
            + "and coalesce(t.published_at, t.due_at, p.due_at) between $5 and $6");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. texts.Select(t => t.Target.AccountId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. texts.Select(t => t.Content.Text!.Trim())] });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = postId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at - RepeatWindow });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at + RepeatWindow });
        var repeated = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            repeated.Add(reader.GetGuid(0));
        }

        return repeated;
    }
}
