using Extensible.Plugins.Calls;
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
public sealed class PostValidation(NpgsqlDataSource db, IPluginCapabilities plugins, TimeProvider clock)
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
        var repeats = await RepeatsAsync(workspaceId, postId ?? Guid.Empty, effective, dueAt ?? clock.GetUtcNow(), cancellationToken);

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

    private async Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContentDraft content, TargetAccount? account, IReadOnlyDictionary<Guid, LibraryItem> media,
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
            case { Health: "disconnected" }:
                Problem("account", $"{name} was disconnected: connect it again, or remove it from this post.");
                break;
            case { Health: "needs_reconnect" }:
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

    private static void CheckMedia(IReadOnlyList<Guid> ids, IReadOnlyDictionary<Guid, LibraryItem> library, PlatformProfile profile, Action<string, string> problem)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var limits = profile.Media;
        if (limits.MaxItems == 0 || !profile.Content.HasFlag(ContentKinds.Image) && !profile.Content.HasFlag(ContentKinds.Video))
        {
            problem("mediaIds", $"{profile.DisplayName} takes no media: post the text alone here (a variant without media).");
            return;
        }

        if (ids.Count > limits.MaxItems)
        {
            problem("mediaIds", $"{profile.DisplayName} takes at most {limits.MaxItems} media item{(limits.MaxItems == 1 ? "" : "s")} per post; this one has {ids.Count}.");
        }
        else if (ids.Count > 1 && !profile.Content.HasFlag(ContentKinds.Carousel))
        {
            problem("mediaIds", $"{profile.DisplayName} takes one media item per post; this one has {ids.Count}.");
        }

        foreach (var id in ids)
        {
            if (!library.TryGetValue(id, out var item))
            {
                problem("mediaIds", "A media item is not in this workspace's library (deleted?): pick it again.");
                continue;
            }

            var video = item.ContentType.StartsWith("video/", StringComparison.Ordinal);
            var kind = video ? ContentKinds.Video : ContentKinds.Image;
            if (!profile.Content.HasFlag(kind) || limits.ContentTypes.Count > 0 && !limits.ContentTypes.Contains(item.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                problem("mediaIds", $"{item.FileName} is {item.ContentType}, which {profile.DisplayName} does not take.");
                continue;
            }

            var max = video ? limits.MaxVideoBytes : limits.MaxImageBytes;
            if (max > 0 && item.Length > max)
            {
                problem("mediaIds", $"{item.FileName} is {Size(item.Length)}; {profile.DisplayName} takes {(video ? "videos" : "images")} up to {Size(max)}.");
            }

            if (video && limits.MaxVideoDuration > TimeSpan.Zero && item.DurationMs is { } ms && TimeSpan.FromMilliseconds(ms) > limits.MaxVideoDuration)
            {
                problem("mediaIds", $"{item.FileName} lasts {TimeSpan.FromMilliseconds(ms):g}; {profile.DisplayName} takes videos up to {limits.MaxVideoDuration:g}.");
            }
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

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private async Task<PlatformProfile?> ProfileAsync(TargetAccount account, CancellationToken cancellationToken)
    {
        var connectors = plugins.Connectors.Where(c => c.Description.Key == account.PlatformKey).ToList();
        var connector = connectors.Find(c => c.PluginId == account.PluginId) ?? connectors.FirstOrDefault();
        if (connector is null)
        {
            return null;
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

    private async Task<Dictionary<Guid, TargetAccount>> AccountsAsync(Guid workspaceId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "select id, plugin_id, platform_key, handle, health, health_reason, paused from publishing_accounts where workspace_id = $1 and id = any($2)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids.Distinct()] });
        var accounts = new Dictionary<Guid, TargetAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts[reader.GetGuid(0)] = new TargetAccount(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6));
        }

        return accounts;
    }

    private async Task<Dictionary<Guid, LibraryItem>> MediaAsync(Guid workspaceId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        var items = new Dictionary<Guid, LibraryItem>();
        if (wanted.Length == 0)
        {
            return items;
        }

        await using var command = db.CreateCommand(
            "select id, file_name, content_type, length, duration_ms from publishing_media where workspace_id = $1 and id = any($2) and not deleted");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = wanted });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items[reader.GetGuid(0)] = new LibraryItem(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
        }

        return items;
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

    private sealed record TargetAccount(string PluginId, string PlatformKey, string Handle, string Health, string? HealthReason, bool Paused);

    private sealed record LibraryItem(string FileName, string ContentType, long Length, long? DurationMs);
}
