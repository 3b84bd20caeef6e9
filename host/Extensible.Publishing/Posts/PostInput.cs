namespace Extensible.Publishing.Posts;

/// <summary>The bounds every post's content keeps, whatever its networks say: checked before anything is stored, even for drafts.</summary>
internal static class PostInput
{
    public const int MaxText = 20_000;
    public const int MaxTargets = 50;
    public const int MaxMedia = 20;
    public const int MaxThreadParts = 25;
    public const int MaxOptions = 20;

    public static void Check(PostContentDraft? content, IReadOnlyList<PostTarget>? targets)
    {
        var errors = new Dictionary<string, string[]>();
        if (content is null)
        {
            errors["content"] = ["A post needs content (its text may be empty while it is a draft)."];
        }
        else
        {
            CheckContent(content, "", errors);
        }

        if (targets is null)
        {
            errors["targets"] = ["List the accounts the post goes to (empty while it is a draft)."];
        }
        else if (targets.Count > MaxTargets)
        {
            errors["targets"] = [$"A post goes to at most {MaxTargets} accounts."];
        }
        else
        {
            foreach (var duplicate in targets.Where(t => t is not null).GroupBy(t => t.AccountId).Where(g => g.Count() > 1))
            {
                errors[PostProblem.TargetField(duplicate.Key, "accountId")] = ["This account is listed twice."];
            }

            foreach (var target in targets)
            {
                if (target is null || target.AccountId == Guid.Empty)
                {
                    errors["targets"] = ["Each target names an account by its id."];
                }
                else if (target.Variant is { } variant)
                {
                    CheckContent(variant, PostProblem.TargetField(target.AccountId, ""), errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new PostValidationException(errors);
        }
    }

    public static string? Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        return url.Length <= 2000 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.ToString()
            : throw new PostValidationException("url", "The address of the post on the network must be an http(s) URL.");
    }

    /// <summary>Line endings as the networks count them, no stray whitespace at the ends.</summary>
    public static PostContentDraft Clean(PostContentDraft content) => content with
    {
        Text = CleanText(content.Text),
        FirstComment = CleanText(content.FirstComment),
        ThreadParts = content.ThreadParts is null ? null : [.. content.ThreadParts.Select(p => CleanText(p) ?? "")],
    };

    private static string? CleanText(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static void CheckContent(PostContentDraft content, string prefix, Dictionary<string, string[]> errors)
    {
        void Add(string field, string message) => errors[prefix.Length == 0 ? field : prefix + "." + field] = [message];

        if (content.Text?.Length > MaxText)
        {
            Add("text", $"The text is longer than any network takes ({MaxText:N0} characters at most).");
        }

        if (content.FirstComment?.Length > MaxText)
        {
            Add("firstComment", $"The first comment is longer than any network takes ({MaxText:N0} characters at most).");
        }

        if (content.ThreadParts is { } parts && (parts.Count > MaxThreadParts || parts.Any(p => p is null || p.Length > MaxText)))
        {
            Add("threadParts", $"A thread has at most {MaxThreadParts} more parts, each at most {MaxText:N0} characters.");
        }

        if (content.MediaIds is { } media && (media.Count > MaxMedia || media.Any(m => m == Guid.Empty) || media.Distinct().Count() != media.Count))
        {
            Add("mediaIds", $"Attach at most {MaxMedia} media items from the library, each once.");
        }

        if (content.Options is { } options && (options.Count > MaxOptions || options.Any(o => o.Key.Length is 0 or > 64 || o.Value is null || o.Value.Length > 2000)))
        {
            Add("options", $"At most {MaxOptions} options, each a known key with a value of at most 2,000 characters.");
        }
    }
}
