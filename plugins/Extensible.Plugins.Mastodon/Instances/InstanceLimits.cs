using System.Globalization;
using System.Text.Json;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Instances;

/// <summary>
/// An instance's own limits, from <c>configuration</c> of <c>GET /api/v2/instance</c>: its character limit, what a link
/// counts, and its media and poll limits. Read when an account connects and kept with the account's credentials.
/// </summary>
public sealed record InstanceLimits
{
    /// <summary>Mastodon's defaults, for an instance that does not say.</summary>
    public static InstanceLimits Default { get; } = new();

    /// <summary><c>statuses.max_characters</c>.</summary>
    public int MaxCharacters { get; init; } = 500;

    /// <summary><c>statuses.characters_reserved_per_url</c>: what every link counts.</summary>
    public int CharactersPerUrl { get; init; } = 23;

    /// <summary><c>statuses.max_media_attachments</c>.</summary>
    public int MaxMediaAttachments { get; init; } = 4;

    /// <summary><c>media_attachments.image_size_limit</c>, in bytes.</summary>
    public long ImageSizeLimit { get; init; } = 16 * 1024 * 1024;

    /// <summary><c>media_attachments.video_size_limit</c>, in bytes.</summary>
    public long VideoSizeLimit { get; init; } = 99 * 1024 * 1024;

    /// <summary><c>media_attachments.supported_mime_types</c>; empty when the instance does not say.</summary>
    public IReadOnlyList<string> SupportedMimeTypes { get; init; } = [];

    /// <summary><c>polls.max_options</c>.</summary>
    public int PollMaxOptions { get; init; } = 4;

    /// <summary><c>polls.max_characters_per_option</c>.</summary>
    public int PollMaxCharactersPerOption { get; init; } = 50;

    /// <summary><c>polls.min_expiration</c>, in seconds.</summary>
    public long PollMinExpiration { get; init; } = 300;

    /// <summary><c>polls.max_expiration</c>, in seconds.</summary>
    public long PollMaxExpiration { get; init; } = 2_629_746;

    /// <summary>The limits in an instance's <c>GET /api/v2/instance</c> answer; Mastodon's defaults where it says nothing sensible.</summary>
    /// <param name="instance">The answer's body.</param>
    public static InstanceLimits Parse(JsonElement instance)
    {
        var configuration = instance.Object("configuration");
        var statuses = configuration.Object("statuses");
        var media = configuration.Object("media_attachments");
        var polls = configuration.Object("polls");
        return new InstanceLimits
        {
            MaxCharacters = Positive(statuses.Long("max_characters"), Default.MaxCharacters),
            CharactersPerUrl = Positive(statuses.Long("characters_reserved_per_url"), Default.CharactersPerUrl),
            MaxMediaAttachments = Positive(statuses.Long("max_media_attachments"), Default.MaxMediaAttachments),
            ImageSizeLimit = PositiveLong(media.Long("image_size_limit"), Default.ImageSizeLimit),
            VideoSizeLimit = PositiveLong(media.Long("video_size_limit"), Default.VideoSizeLimit),
            SupportedMimeTypes = [.. media.Array("supported_mime_types").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
                .Where(t => t.Length is > 0 and <= 100).Take(100)],
            PollMaxOptions = Positive(polls.Long("max_options"), Default.PollMaxOptions),
            PollMaxCharactersPerOption = Positive(polls.Long("max_characters_per_option"), Default.PollMaxCharactersPerOption),
            PollMinExpiration = PositiveLong(polls.Long("min_expiration"), Default.PollMinExpiration),
            PollMaxExpiration = PositiveLong(polls.Long("max_expiration"), Default.PollMaxExpiration),
        };
    }

    /// <summary>The limits kept in an account's credentials (Mastodon's defaults for what is missing).</summary>
    /// <param name="account">The account's credentials.</param>
    public static InstanceLimits From(AccountCredentials account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var values = account.Values;
        return new InstanceLimits
        {
            MaxCharacters = (int)Read(values, "max_characters", Default.MaxCharacters),
            CharactersPerUrl = (int)Read(values, "characters_per_url", Default.CharactersPerUrl),
            MaxMediaAttachments = (int)Read(values, "max_media_attachments", Default.MaxMediaAttachments),
            ImageSizeLimit = Read(values, "image_size_limit", Default.ImageSizeLimit),
            VideoSizeLimit = Read(values, "video_size_limit", Default.VideoSizeLimit),
            SupportedMimeTypes = values.TryGetValue("supported_mime_types", out var types) && types.Length > 0 ? types.Split(' ') : [],
            PollMaxOptions = (int)Read(values, "poll_max_options", Default.PollMaxOptions),
            PollMaxCharactersPerOption = (int)Read(values, "poll_max_characters_per_option", Default.PollMaxCharactersPerOption),
            PollMinExpiration = Read(values, "poll_min_expiration", Default.PollMinExpiration),
            PollMaxExpiration = Read(values, "poll_max_expiration", Default.PollMaxExpiration),
        };
    }

    /// <summary>The limits as credential values, to keep with the account.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToValues()
    {
        yield return Pair("max_characters", MaxCharacters);
        yield return Pair("characters_per_url", CharactersPerUrl);
        yield return Pair("max_media_attachments", MaxMediaAttachments);
        yield return Pair("image_size_limit", ImageSizeLimit);
        yield return Pair("video_size_limit", VideoSizeLimit);
        yield return new("supported_mime_types", string.Join(' ', SupportedMimeTypes.Where(t => !t.Contains(' ', StringComparison.Ordinal))));
        yield return Pair("poll_max_options", PollMaxOptions);
        yield return Pair("poll_max_characters_per_option", PollMaxCharactersPerOption);
        yield return Pair("poll_min_expiration", PollMinExpiration);
        yield return Pair("poll_max_expiration", PollMaxExpiration);
    }

    /// <summary>The text limit as the SDK describes it (links count <see cref="CharactersPerUrl"/>, which the SDK's counting takes as 23).</summary>
    public TextLimit Text => new(MaxCharacters, LengthCounting.CodePointsLinksAs23);

    private static long PositiveLong(long? value, long fallback) => value is > 0 ? value.Value : fallback;

    private static int Positive(long? value, int fallback) => value is > 0 and <= int.MaxValue ? (int)value.Value : fallback;

    private static long Read(IReadOnlyDictionary<string, string> values, string key, long fallback) =>
        values.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static KeyValuePair<string, string> Pair(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));
}
