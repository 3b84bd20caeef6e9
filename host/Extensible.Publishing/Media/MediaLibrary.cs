using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Extensible.EventStore;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Publishing.Media;

/// <summary>
/// A workspace's media library: uploads (type sniffed from the content, limits checked, images' size read before they
/// are decoded, a thumbnail made), alt text, removal, the bytes for the publisher and the console, and signed links for
/// networks that fetch media by URL. The bytes live in PostgreSQL (<see cref="MediaBlobs"/>); the facts are events.
/// </summary>
public sealed class MediaLibrary
{
    /// <summary>The longest alt text kept (Mastodon's limit; networks with less get it cut by their connector).</summary>
    public const int MaxAltTextLength = 1500;

    private const string Columns = "id, workspace_id, file_name, content_type, length, sha256, width, height, duration_ms, alt_text, thumbnail_sha256, deleted, created_by, created";

    private readonly EventStore.EventStore _store;
    private readonly NpgsqlDataSource _db;
    private readonly MediaOptions _options;
    private readonly MediaBlobs _blobs;
    private readonly MediaImages _images;
    private readonly MediaSignedUrls _signed;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the library (one per host).</summary>
    public MediaLibrary(EventStore.EventStore store, NpgsqlDataSource db, IOptions<MediaOptions> options, MediaSignedUrls links, TimeProvider clock, ILogger<MediaLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _db = db;
        _options = options.Value;
        _blobs = new MediaBlobs(db);
        _images = new MediaImages(_options);
        _signed = links;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The limits in force.</summary>
    public MediaOptions Options => _options;

    /// <summary>
    /// Adds a file to the library. Its type comes from its first bytes (the name's extension is corrected to match);
    /// its size, an image's pixel count (read before decoding) and its data are checked; an image gets a thumbnail. The
    /// same bytes uploaded again in the workspace give the existing item (<see cref="MediaUpload.Reused"/>). The content
    /// is streamed to a temporary file while it is hashed, never held in memory whole.
    /// </summary>
    /// <exception cref="MediaRefusedException">Not an accepted type, empty, too large, too many pixels, or broken; nothing was stored.</exception>
    public async Task<MediaUpload> UploadAsync(Guid workspaceId, string? fileName, Stream content, Guid actorId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return await ReceiveAsync(workspaceId, fileName, content, actorId, actor, cancellationToken);
        }
        catch (MediaRefusedException e)
        {
            MediaLog.Refused(_logger, workspaceId, actor, e.Message);
            throw;
        }
    }

    private async Task<MediaUpload> ReceiveAsync(Guid workspaceId, string? fileName, Stream content, Guid actorId, string actor, CancellationToken cancellationToken)
    {
        var head = new byte[MediaSniffer.HeaderLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength == 0)
        {
            throw new MediaRefusedException("The file is empty.");
        }

        var type = MediaSniffer.Sniff(head.AsSpan(0, headLength))
            ?? throw new MediaRefusedException(
                $"{Describe(fileName)} is not an image or video the library accepts: its content is none of JPEG, PNG, GIF, WebP, MP4 or QuickTime (the type is read from the content, not from the name).");
        var limit = type.Kind == MediaKind.Image ? _options.MaxImageBytes : _options.MaxVideoBytes;

        var temp = Path.Combine(Path.GetTempPath(), $"extensible-media-{Guid.NewGuid():N}");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head, 0, headLength);
        await file.WriteAsync(head.AsMemory(0, headLength), cancellationToken);
        long length = headLength;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    throw new MediaRefusedException(
                        $"{Describe(fileName)} is too large: the most accepted for {(type.Kind == MediaKind.Image ? "an image" : "a video")} is {MediaSize.Describe(limit)}.");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await file.FlushAsync(cancellationToken);
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (await FindByHashAsync(workspaceId, sha256, cancellationToken) is { } existing)
        {
            MediaLog.Reused(_logger, workspaceId, actor, existing.Id);
            return new MediaUpload(existing, Reused: true);
        }

        int? width = null, height = null;
        TimeSpan? duration = null;
        byte[]? thumbnail = null;
        if (type.Kind == MediaKind.Image)
        {
            await _images.CheckAsync(file, type, cancellationToken);
            (var w, var h, thumbnail) = await _images.ThumbnailAsync(file, type, cancellationToken);
            (width, height) = (w, h);
        }
        else
        {
            duration = await VideoDuration.ReadAsync(file, cancellationToken);
        }

        var thumbnailSha256 = thumbnail is null ? null : Convert.ToHexStringLower(SHA256.HashData(thumbnail));
        var mediaId = Guid.CreateVersion7();
        var uploaded = new MediaUploaded(mediaId, workspaceId, FileNameFor(fileName, type), type.ContentType, length, sha256, width, height, duration, actorId)
        {
            ThumbnailSha256 = thumbnailSha256,
        };

        file.Position = 0;
        await _blobs.WriteAsync(workspaceId, sha256, file, cancellationToken);
        try
        {
            if (thumbnail is not null)
            {
                await _blobs.WriteAsync(workspaceId, thumbnailSha256!, new MemoryStream(thumbnail, writable: false), cancellationToken);
            }

            await _store.AppendAsync(PublishingStreams.Media(mediaId), ExpectedVersion.NoStream, [uploaded], Metadata(workspaceId, actor), cancellationToken);
        }
        catch
        {
            // The item was not recorded: take back the bytes nothing else uses (never cancelled: it only tidies).
            await _blobs.PurgeUnusedAsync(workspaceId, thumbnailSha256 is null ? [sha256] : [sha256, thumbnailSha256], CancellationToken.None);
            throw;
        }

        MediaLog.Uploaded(_logger, mediaId, type.ContentType, length, workspaceId, actor);
        return new MediaUpload(await GetAsync(workspaceId, mediaId, cancellationToken)
            ?? throw new InvalidOperationException("The media read model did not follow the upload."), Reused: false);
    }

    /// <summary>The workspace's library, newest first, without removed items.</summary>
    public async Task<IReadOnlyList<MediaItem>> ListAsync(Guid workspaceId, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var command = _db.CreateCommand($"select {Columns} from publishing_media where workspace_id = $1 and not deleted order by created desc, id desc limit $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(limit, 1, 5000) });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>An item of the workspace's library, or null when there is none (or it was removed).</summary>
    public async Task<MediaItem?> GetAsync(Guid workspaceId, Guid mediaId, CancellationToken cancellationToken = default) =>
        await FindAsync(workspaceId, mediaId, cancellationToken) is { Deleted: false } item ? item : null;

    /// <summary>The items of <paramref name="mediaIds"/> in the workspace, in that order; unknown or removed ones are left out.</summary>
    public async Task<IReadOnlyList<MediaItem>> GetManyAsync(Guid workspaceId, IReadOnlyList<Guid> mediaIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaIds);
        var found = (await FindManyAsync(workspaceId, mediaIds, cancellationToken)).Where(m => !m.Deleted).ToDictionary(m => m.Id);
        return [.. mediaIds.Distinct().Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Sets (or clears, with null or blanks) an item's alt text.</summary>
    /// <exception cref="MediaRefusedException">No such item, or the text is too long.</exception>
    public async Task<MediaItem> SetAltTextAsync(Guid workspaceId, Guid mediaId, string? altText, Guid actorId, string actor, CancellationToken cancellationToken = default)
    {
        var text = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (text?.Length > MaxAltTextLength)
        {
            throw new MediaRefusedException($"Alt text is at most {MaxAltTextLength} characters (this one has {text.Length}).");
        }

        var item = await GetAsync(workspaceId, mediaId, cancellationToken) ?? throw NoSuchMedia();
        if (item.AltText != text)
        {
            await _store.AppendAsync(PublishingStreams.Media(mediaId), ExpectedVersion.Any, [new MediaAltTextChanged(mediaId, workspaceId, text, actorId)],
                Metadata(workspaceId, actor), cancellationToken);
        }

        return item with { AltText = text };
    }

    /// <summary>
    /// Removes an item from the library; false when there was none. Posts that still use it (drafts, scheduled, retrying)
    /// keep its bytes until they are sent or discarded; otherwise the bytes go at once.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid workspaceId, Guid mediaId, Guid actorId, string actor, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(workspaceId, mediaId, cancellationToken) is not { } item)
        {
            return false;
        }

        await _store.AppendAsync(PublishingStreams.Media(mediaId), ExpectedVersion.Any, [new MediaDeleted(mediaId, workspaceId, actorId)], Metadata(workspaceId, actor), cancellationToken);
        await _blobs.PurgeUnusedAsync(workspaceId, item.ThumbnailSha256 is null ? [item.Sha256] : [item.Sha256, item.ThumbnailSha256], cancellationToken);
        MediaLog.Deleted(_logger, mediaId, workspaceId, actor);
        return true;
    }

    /// <summary>The item's content as a seekable stream read from the database chunk by chunk; null when there is no such item.</summary>
    public async Task<Stream?> OpenReadAsync(Guid workspaceId, Guid mediaId, CancellationToken cancellationToken = default) =>
        await GetAsync(workspaceId, mediaId, cancellationToken) is { } item ? _blobs.OpenRead(workspaceId, item.Sha256, item.Length) : null;

    /// <summary>An image's thumbnail (WebP); null when there is no such item or it has none (videos).</summary>
    public async Task<Stream?> OpenThumbnailAsync(Guid workspaceId, Guid mediaId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(workspaceId, mediaId, cancellationToken) is not { ThumbnailSha256: { } thumbnail } item)
        {
            return null;
        }

        await using var command = _db.CreateCommand("select coalesce(sum(length(data)), 0)::bigint from publishing_media_blobs where workspace_id = $1 and sha256 = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = item.WorkspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = thumbnail });
        var length = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return length == 0 ? null : _blobs.OpenRead(workspaceId, thumbnail, length);
    }

    /// <summary>
    /// The SDK's attachments for a post's media, in order, each opened from the database on demand (streamed). Items
    /// removed from the library after the post was written still come: the post was given them.
    /// </summary>
    /// <exception cref="MediaRefusedException">An id is not media of this workspace.</exception>
    public async Task<IReadOnlyList<MediaAttachment>> ToAttachmentsAsync(Guid workspaceId, IReadOnlyList<Guid> mediaIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaIds);
        var found = (await FindManyAsync(workspaceId, mediaIds, cancellationToken)).ToDictionary(m => m.Id);
        return [.. mediaIds.Select(id => found.TryGetValue(id, out var item) ? Attachment(item) : throw NoSuchMedia(id))];
    }

    /// <summary>The SDK attachment of one item (its content opened on demand from the database).</summary>
    public MediaAttachment Attachment(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MediaAttachment
        {
            FileName = item.FileName,
            ContentType = item.ContentType,
            Length = item.Length,
            AltText = item.AltText,
            Duration = item.Duration,
            OpenAsync = _ => Task.FromResult(_blobs.OpenRead(item.WorkspaceId, item.Sha256, item.Length)),
        };
    }

    /// <summary>
    /// What a network will not take of a post's media, per item and in words: a type it does not accept, a file too
    /// large, a video too long, too many items. Empty when it takes them all.
    /// </summary>
    public static IReadOnlyList<MediaProblem> CheckAgainst(MediaLimits limits, IReadOnlyList<MediaItem> items)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(items);
        var problems = new List<MediaProblem>();
        if (items.Count == 0)
        {
            return problems;
        }

        if (limits.MaxItems <= 0)
        {
            problems.Add(new MediaProblem(null, "This network takes no media: remove the images and videos for it."));
            return problems;
        }

        if (items.Count > limits.MaxItems)
        {
            problems.Add(new MediaProblem(null, $"This network takes at most {limits.MaxItems} media item{(limits.MaxItems == 1 ? "" : "s")} per post; this one has {items.Count}."));
        }

        foreach (var item in items)
        {
            if (limits.ContentTypes.Count > 0 && !limits.ContentTypes.Contains(item.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new MediaProblem(item.Id, $"{item.FileName}: {item.ContentType} is not accepted here (it takes {string.Join(", ", limits.ContentTypes)})."));
                continue;
            }

            var (max, kind) = item.Kind == MediaKind.Image ? (limits.MaxImageBytes, "images") : (limits.MaxVideoBytes, "videos");
            if (max > 0 && item.Length > max)
            {
                problems.Add(new MediaProblem(item.Id, $"{item.FileName} is too large here: {MediaSize.Describe(item.Length)}, and this network takes {kind} up to {MediaSize.Describe(max)}."));
            }

            if (item.Kind == MediaKind.Video && limits.MaxVideoDuration > TimeSpan.Zero && item.Duration > limits.MaxVideoDuration)
            {
                problems.Add(new MediaProblem(item.Id,
                    $"{item.FileName} is too long here: {MediaSize.Describe(item.Duration.Value)}, and this network takes videos up to {MediaSize.Describe(limits.MaxVideoDuration)}."));
            }
        }

        return problems;
    }

    /// <summary>
    /// A link to the item's file that works without signing in for <see cref="MediaOptions.SignedUrlLifetime"/>, for
    /// networks that fetch media by URL: under <see cref="MediaOptions.PublicUrl"/>, else under <paramref name="requestBase"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither address is known.</exception>
    public Uri SignedUrl(Guid mediaId, Uri? requestBase = null)
    {
        var root = _options.PublicUrl ?? requestBase
            ?? throw new InvalidOperationException($"Signed media links need {MediaOptions.Section}:PublicUrl, the address networks reach this server at.");
        return new Uri(new Uri(root.GetLeftPart(UriPartial.Authority)), _signed.PathFor(mediaId, _clock.GetUtcNow() + _options.SignedUrlLifetime));
    }

    /// <summary>Checks a signed link and gives its item: expired and forged links are told apart, and neither serves anything.</summary>
    public async Task<(SignedMediaAccess Access, MediaItem? Item)> OpenSignedAsync(Guid mediaId, long expires, string? signature, CancellationToken cancellationToken = default)
    {
        if (DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expires, 0, 253_402_300_799)) <= _clock.GetUtcNow())
        {
            MediaLog.SignedLinkRefused(_logger, mediaId, "expired");
            return (SignedMediaAccess.Expired, null);
        }

        if (!_signed.IsGenuine(mediaId, expires, signature))
        {
            MediaLog.SignedLinkRefused(_logger, mediaId, "the signature does not match");
            return (SignedMediaAccess.Forged, null);
        }

        await using var command = _db.CreateCommand($"select {Columns} from publishing_media where id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        var item = FirstOf(await ReadAsync(command, cancellationToken));
        return item is null ? (SignedMediaAccess.Gone, null) : (SignedMediaAccess.Granted, item);
    }

    /// <summary>The content of an item found through <see cref="OpenSignedAsync"/> (removed items too, while posts use them).</summary>
    public Stream OpenContent(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _blobs.OpenRead(item.WorkspaceId, item.Sha256, item.Length);
    }

    private async Task<MediaItem?> FindAsync(Guid workspaceId, Guid mediaId, CancellationToken cancellationToken) =>
        FirstOf(await FindManyAsync(workspaceId, [mediaId], cancellationToken));

    private async Task<IReadOnlyList<MediaItem>> FindManyAsync(Guid workspaceId, IReadOnlyList<Guid> mediaIds, CancellationToken cancellationToken)
    {
        await using var command = _db.CreateCommand($"select {Columns} from publishing_media where workspace_id = $1 and id = any($2)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. mediaIds] });
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<MediaItem?> FindByHashAsync(Guid workspaceId, string sha256, CancellationToken cancellationToken)
    {
        await using var command = _db.CreateCommand($"select {Columns} from publishing_media where workspace_id = $1 and sha256 = $2 and not deleted order by created limit 1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        return FirstOf(await ReadAsync(command, cancellationToken));
    }

    private static MediaItem? FirstOf(IReadOnlyList<MediaItem> items) => items.Count > 0 ? items[0] : null;

    private static async Task<IReadOnlyList<MediaItem>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<MediaItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new MediaItem
            {
                Id = reader.GetGuid(0),
                WorkspaceId = reader.GetGuid(1),
                FileName = reader.GetString(2),
                ContentType = reader.GetString(3),
                Length = reader.GetInt64(4),
                Sha256 = reader.GetString(5),
                Width = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                Height = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                Duration = reader.IsDBNull(8) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(8)),
                AltText = reader.IsDBNull(9) ? null : reader.GetString(9),
                ThumbnailSha256 = reader.IsDBNull(10) ? null : reader.GetString(10),
                Deleted = reader.GetBoolean(11),
                CreatedBy = reader.GetGuid(12),
                Created = reader.GetFieldValue<DateTimeOffset>(13),
            });
        }

        return list;
    }

    // The name people gave, without folders or control characters, its extension made to match the content.
    private static string FileNameFor(string? fileName, MediaType type)
    {
        var name = new string(Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var stem = Path.GetFileNameWithoutExtension(name);
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = type.Kind == MediaKind.Image ? "image" : "video";
        }

        stem = stem.Length > 120 ? stem[..120] : stem;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return type.Extensions.Contains(extension) ? stem + extension : stem + type.Extension;
    }

    private static string Describe(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "The file" : $"'{(fileName.Length > 80 ? fileName[..80] + "…" : fileName)}'";

    private static MediaRefusedException NoSuchMedia(Guid? id = null) =>
        new(id is null ? "No such media in this workspace's library." : string.Create(CultureInfo.InvariantCulture, $"No media {id} in this workspace's library."));

    private static EventMetadata Metadata(Guid workspaceId, string actor) => new() { Tenant = workspaceId.ToString(), User = actor };
}
