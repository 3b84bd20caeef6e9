using Extensible.Publishing.Posts;

namespace Extensible.Admin.Pages.Compose;

/// <summary>What the composer's form posts: the shared content, the accounts picked, each one's variant, and when.</summary>
public sealed class ComposeForm
{
    /// <summary>The line that separates the parts of a thread in its box.</summary>
    public const string ThreadSeparator = "---";

    /// <summary>The post being edited, once the first save made it.</summary>
    public Guid? PostId { get; set; }

    /// <summary>The shared text.</summary>
    public string? Text { get; set; }

    /// <summary>The shared media, in order.</summary>
    public List<Guid> MediaIds { get; set; } = [];

    /// <summary>The shared thread's later parts, separated by lines of <see cref="ThreadSeparator"/>.</summary>
    public string? Thread { get; set; }

    /// <summary>The shared first comment.</summary>
    public string? FirstComment { get; set; }

    /// <summary>The accounts picked.</summary>
    public List<Guid> Accounts { get; set; } = [];

    /// <summary>Each account's variant, by account id.</summary>
    public Dictionary<Guid, ComposeVariant> Variants { get; set; } = [];

    /// <summary>The local date and time to publish at (<c>2026-12-07T14:30</c>).</summary>
    public string? When { get; set; }

    /// <summary>The zone <see cref="When"/> is in.</summary>
    public string? Zone { get; set; }

    /// <summary>The offset picked when the local time happens twice (<c>+01:00</c>), or the time picked when it does not exist.</summary>
    public string? Choice { get; set; }

    /// <summary>The shared content.</summary>
    public PostContentDraft Content() => new()
    {
        Text = Text ?? "",
        MediaIds = MediaIds.Count == 0 ? null : MediaIds.Distinct().ToList(),
        ThreadParts = Parts(Thread),
        FirstComment = string.IsNullOrWhiteSpace(FirstComment) ? null : FirstComment,
    };

    /// <summary>The targets: the accounts picked, in order, each with its variant (shaped by what its network takes).</summary>
    /// <param name="networks">What each account's network supports.</param>
    public List<PostTarget> Targets(IReadOnlyDictionary<Guid, ComposeNetwork> networks)
    {
        var shared = Content();
        return [.. Accounts.Distinct().Select(id => new PostTarget(id, Variant(id, shared, networks.GetValueOrDefault(id))))];
    }

    /// <summary>A thread box's parts: the text between separator lines, blank parts left out.</summary>
    public static List<string>? Parts(string? thread)
    {
        if (string.IsNullOrWhiteSpace(thread))
        {
            return null;
        }

        var parts = thread.ReplaceLineEndings("\n").Split("\n" + ThreadSeparator + "\n")
            .Select(p => p.Trim()).Where(p => p.Length > 0 && p != ThreadSeparator).ToList();
        return parts.Count == 0 ? null : parts;
    }

    /// <summary>A thread's parts in one box.</summary>
    public static string Joined(IReadOnlyList<string>? parts) => parts is null ? "" : string.Join("\n" + ThreadSeparator + "\n", parts);

    private PostContentDraft? Variant(Guid accountId, PostContentDraft shared, ComposeNetwork? network)
    {
        Variants.TryGetValue(accountId, out var form);
        var options = form?.Options?.Where(o => !string.IsNullOrEmpty(o.Value) && (network?.HasOption(o.Key) ?? false))
            .ToDictionary(o => o.Key, o => o.Value!);
        var thread = form is { Thread: { } own } && !string.IsNullOrWhiteSpace(own) ? Parts(own) : null;
        var variant = new PostContentDraft
        {
            Text = string.IsNullOrWhiteSpace(form?.Text) ? null : form.Text,
            MediaIds = form?.OwnMedia == true ? [.. form.MediaIds.Distinct()] : null,
            ThreadParts = network is { Threads: false } && shared.ThreadParts is not null ? [] : thread,
            FirstComment = network is { FirstComment: false } && shared.FirstComment is not null ? ""
                : string.IsNullOrWhiteSpace(form?.FirstComment) ? null : form.FirstComment,
            Options = options is { Count: > 0 } ? options : null,
        };
        return variant is { Text: null, MediaIds: null, ThreadParts: null, FirstComment: null, Options: null } ? null : variant;
    }
}
