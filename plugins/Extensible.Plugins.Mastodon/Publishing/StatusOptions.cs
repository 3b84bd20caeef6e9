using System.Globalization;
using System.Text.RegularExpressions;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Publishing;

/// <summary>
/// Mastodon's own options of a status, as the composer asks for them (<see cref="Fields"/>) and as they are checked
/// against the instance's limits before anything is sent.
/// </summary>
public sealed partial record StatusOptions
{
    /// <summary>Who sees the status: <c>public</c>, <c>unlisted</c>, <c>private</c> (followers only) or <c>direct</c> (mentioned people only).</summary>
    public string? Visibility { get; init; }

    /// <summary>The content warning (<c>spoiler_text</c>) shown in place of the text until opened.</summary>
    public string? ContentWarning { get; init; }

    /// <summary>Marks the media sensitive (blurred until opened).</summary>
    public bool Sensitive { get; init; }

    /// <summary>The status's language, ISO 639-1 (<c>en</c>, <c>fr</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The poll's options, in order; empty for no poll.</summary>
    public IReadOnlyList<string> PollOptions { get; init; } = [];

    /// <summary>How long the poll stays open.</summary>
    public TimeSpan PollDuration { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Whether several poll options may be chosen.</summary>
    public bool PollMultiple { get; init; }

    /// <summary>The poll's options are separated by this in the <c>poll_options</c> field.</summary>
    public const char PollSeparator = '|';

    private static readonly Dictionary<string, TimeSpan> Durations = new(StringComparer.Ordinal)
    {
        ["5 minutes"] = TimeSpan.FromMinutes(5),
        ["30 minutes"] = TimeSpan.FromMinutes(30),
        ["1 hour"] = TimeSpan.FromHours(1),
        ["6 hours"] = TimeSpan.FromHours(6),
        ["1 day"] = TimeSpan.FromDays(1),
        ["3 days"] = TimeSpan.FromDays(3),
        ["7 days"] = TimeSpan.FromDays(7),
    };

    /// <summary>The options the composer asks for.</summary>
    public static IReadOnlyList<PostOptionField> Fields { get; } =
    [
        new PostOptionField
        {
            Key = "visibility", Label = "Visibility", Kind = PostOptionKind.Choice, Choices = ["public", "unlisted", "private", "direct"],
            Help = "public: everyone; unlisted: not in public timelines; private: followers only; direct: mentioned people only (public when left empty).",
        },
        new PostOptionField { Key = "spoiler_text", Label = "Content warning", Help = "Shown instead of the text until opened; it counts toward the instance's limit." },
        new PostOptionField { Key = "sensitive", Label = "Sensitive media", Kind = PostOptionKind.Boolean, Help = "Blurs the images until opened." },
        new PostOptionField { Key = "language", Label = "Language", Help = "The status's language as an ISO 639-1 code (en, fr, de); the instance guesses when left empty." },
        new PostOptionField
        {
            Key = "poll_options", Label = "Poll options",
            Help = "A poll instead of media: its options separated by |, like: Yes | No | Maybe.",
        },
        new PostOptionField
        {
            Key = "poll_expires_in", Label = "Poll open for", Kind = PostOptionKind.Choice, Choices = [.. Durations.Keys], Help = "1 day when left empty.",
        },
        new PostOptionField { Key = "poll_multiple", Label = "Several poll choices", Kind = PostOptionKind.Boolean, Help = "Lets people pick more than one option." },
    ];

    /// <summary>Reads a post's options; an unknown value is refused with the reason.</summary>
    /// <param name="options">The post's options, by key.</param>
    /// <exception cref="PlatformException">A value is not one Mastodon takes (rejected, with the reason).</exception>
    public static StatusOptions Read(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var field in Fields)
        {
            if (field.Problem(options.GetValueOrDefault(field.Key)) is { } problem)
            {
                throw PlatformException.Rejected(problem);
            }
        }

        var language = Blank(options.GetValueOrDefault("language"))?.ToLowerInvariant();
        if (language is not null && !LanguageCode().IsMatch(language))
        {
            throw PlatformException.Rejected("Language is a two-letter ISO 639-1 code, like en or fr.");
        }

        return new StatusOptions
        {
            Visibility = Blank(options.GetValueOrDefault("visibility")),
            ContentWarning = Blank(options.GetValueOrDefault("spoiler_text")),
            Sensitive = options.GetValueOrDefault("sensitive") == "true",
            Language = language,
            PollOptions = [.. (options.GetValueOrDefault("poll_options") ?? "").Split(PollSeparator).Select(o => o.Trim()).Where(o => o.Length > 0)],
            PollDuration = Blank(options.GetValueOrDefault("poll_expires_in")) is { } duration ? Durations[duration] : TimeSpan.FromDays(1),
            PollMultiple = options.GetValueOrDefault("poll_multiple") == "true",
        };
    }

    /// <summary>What the instance would refuse in a post with these options, checked before anything is uploaded; <see langword="null"/> when it fits.</summary>
    /// <param name="content">The post.</param>
    /// <param name="limits">The account's instance's limits.</param>
    public string? Problem(PostContent content, InstanceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var parts = new List<string> { content.Text };
        parts.AddRange(content.ThreadParts);
        for (var i = 0; i < parts.Count; i++)
        {
            var length = StatusLength.Count(parts[i] + (ContentWarning ?? ""), limits.CharactersPerUrl);
            if (length > limits.MaxCharacters)
            {
                var which = parts.Count == 1 ? "The status" : string.Create(CultureInfo.InvariantCulture, $"Part {i + 1} of the thread");
                return string.Create(CultureInfo.InvariantCulture, $"{which} counts {length} characters (content warning included); this instance takes at most {limits.MaxCharacters}.");
            }

            if (string.IsNullOrWhiteSpace(parts[i]) && (i > 0 || content.Media.Count == 0))
            {
                return "A status needs text (or, for the first, media).";
            }
        }

        if (content.Media.Count > limits.MaxMediaAttachments)
        {
            return string.Create(CultureInfo.InvariantCulture, $"This instance takes at most {limits.MaxMediaAttachments} media attachments per status; the post has {content.Media.Count}.");
        }

        foreach (var media in content.Media)
        {
            var video = media.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
            var limit = video ? limits.VideoSizeLimit : limits.ImageSizeLimit;
            if (media.Length > limit)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{media.FileName} is {media.Length} bytes; this instance takes {(video ? "videos" : "images")} up to {limit} bytes.");
            }

            if (limits.SupportedMimeTypes.Count > 0 && !limits.SupportedMimeTypes.Contains(media.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                return $"{media.FileName}: this instance does not take {media.ContentType}.";
            }
        }

        if (PollOptions.Count == 0)
        {
            return null;
        }

        if (content.Media.Count > 0)
        {
            return "A Mastodon status has either media or a poll, not both.";
        }

        if (PollOptions.Count < 2 || PollOptions.Count > limits.PollMaxOptions)
        {
            return string.Create(CultureInfo.InvariantCulture, $"A poll on this instance has 2 to {limits.PollMaxOptions} options; this one has {PollOptions.Count}.");
        }

        if (PollOptions.FirstOrDefault(o => o.EnumerateRunes().Count() > limits.PollMaxCharactersPerOption) is { } tooLong)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The poll option \"{tooLong}\" is longer than this instance's {limits.PollMaxCharactersPerOption} characters.");
        }

        var seconds = (long)PollDuration.TotalSeconds;
        return seconds < limits.PollMinExpiration || seconds > limits.PollMaxExpiration
            ? string.Create(CultureInfo.InvariantCulture, $"This instance keeps polls open between {limits.PollMinExpiration} and {limits.PollMaxExpiration} seconds.")
            : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
