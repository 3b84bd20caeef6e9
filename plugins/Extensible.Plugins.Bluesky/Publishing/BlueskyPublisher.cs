using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Extensible.Plugins.Bluesky.Network;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>Publishes posts and threads (images, link cards), finds them again by idempotency key, deletes them.</summary>
internal sealed partial class BlueskyPublisher(IPluginContext context, XrpcClient xrpc, PostRecords records)
{
    private readonly RecordKeys keys = new(context);

    /// <summary>Publishes the post and its thread parts, each a reply to the one before.</summary>
    public async Task<PublishedPost> PublishAsync(SignedIn account, PublishRequest request, CancellationToken cancellationToken)
    {
        var content = request.Content;
        var langs = Languages(content.Options.GetValueOrDefault(BlueskyProfile.LanguagesOption));
        var parts = new List<string> { content.Text };
        if (content.Kind.HasFlag(ContentKinds.Thread) || content.ThreadParts.Count > 0)
        {
            parts.AddRange(content.ThreadParts);
        }

        // Everything is checked before the first record is written: a thread is not left half posted for a bad part.
        for (var i = 0; i < parts.Count; i++)
        {
            PostRecords.Check(parts[i], hasEmbed: i == 0 && (content.Media.Count > 0 || FirstLink(parts[i]) is not null));
        }

        if (content.Media.Count > BlueskyProfile.MaxImages)
        {
            throw PlatformException.Rejected($"A Bluesky post takes at most {BlueskyProfile.MaxImages} images.");
        }

        StrongRef? root = null;
        StrongRef? parent = null;
        var thread = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var text = parts[i];
            var (rkey, chosenBefore) = await keys.ForAsync(account.Did, request.IdempotencyKey, i, cancellationToken).ConfigureAwait(false);
            var reply = root is null ? ((StrongRef, StrongRef)?)null : (root, parent!);
            var isFirst = i == 0;
            var created = await records.CreateAsync(account, AtUri.Post, rkey, chosenBefore, async () =>
            {
                var embed = isFirst ? await EmbedAsync(account, content.Media, text, cancellationToken).ConfigureAwait(false) : null;
                return await records.BuildAsync(account, text, langs, reply, embed, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            BlueskyLog.PostPublished(context.Logger, created.Uri);
            root ??= created;
            parent = created;
            if (!isFirst)
            {
                thread.Add(created.Uri);
            }
        }

        return new PublishedPost(root!.Uri, PostUrl(account.Session.Handle, root.Uri)) { ThreadPostIds = thread };
    }

    /// <summary>The post a publish with this key wrote, if it wrote one.</summary>
    public async Task<PublishedPost?> FindAsync(SignedIn account, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(account.Did, idempotencyKey, 0, cancellationToken).ConfigureAwait(false) is not { } rkey
            || await records.FindAsync(account, AtUri.Post, rkey, cancellationToken).ConfigureAwait(false) is not { } post)
        {
            return null;
        }

        var thread = new List<string>();
        for (var part = 1; ; part++)
        {
            if (await keys.FindAsync(account.Did, idempotencyKey, part, cancellationToken).ConfigureAwait(false) is not { } partKey
                || await records.FindAsync(account, AtUri.Post, partKey, cancellationToken).ConfigureAwait(false) is not { } written)
            {
                break;
            }

            thread.Add(written.Uri);
        }

        return new PublishedPost(post.Uri, PostUrl(account.Session.Handle, post.Uri)) { ThreadPostIds = thread };
    }

    /// <summary>Deletes one of the account's posts.</summary>
    public async Task DeleteAsync(SignedIn account, string platformPostId, CancellationToken cancellationToken)
    {
        var uri = AtUri.Parse(platformPostId);
        if (uri.Repo != account.Did || uri.Collection != AtUri.Post)
        {
            throw PlatformException.Rejected("Only the account's own posts can be deleted.");
        }

        await records.DeleteAsync(account, uri, cancellationToken).ConfigureAwait(false);
        BlueskyLog.PostDeleted(context.Logger, platformPostId);
    }

    /// <summary>The post's page on bsky.app.</summary>
    public static Uri PostUrl(string handle, string uri) =>
        new($"https://bsky.app/profile/{Uri.EscapeDataString(handle)}/post/{Uri.EscapeDataString(AtUri.Parse(uri).RecordKey)}");

    /// <summary>The languages option as the lexicon's <c>langs</c> (at most 3 BCP 47 tags).</summary>
    public static IReadOnlyList<string> Languages(string? option)
    {
        if (string.IsNullOrWhiteSpace(option))
        {
            return [];
        }

        var langs = option.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (langs.Count > 3 || langs.Any(l => !LanguageTag().IsMatch(l)))
        {
            throw PlatformException.Rejected("Languages are up to 3 language tags separated by commas, like en, de or pt-BR.");
        }

        return langs;
    }

    private static string? FirstLink(string text) => RichText.Detect(text).FirstOrDefault(f => f.Kind == FacetKind.Link)?.Value;

    // Images when there are some; otherwise a card for the first link.
    private async Task<JsonObject?> EmbedAsync(SignedIn account, IReadOnlyList<MediaAttachment> media, string text, CancellationToken cancellationToken)
    {
        if (media.Count > 0)
        {
            var images = new JsonArray();
            foreach (var attachment in media)
            {
                images.Add(await ImageAsync(account, attachment, cancellationToken).ConfigureAwait(false));
            }

            return new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
        }

        return FirstLink(text) is { } link ? LinkCard.For(link) : null;
    }

    private async Task<JsonObject> ImageAsync(SignedIn account, MediaAttachment attachment, CancellationToken cancellationToken)
    {
        if (!BlueskyProfile.ImageTypes.Contains(attachment.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            throw PlatformException.Rejected($"Bluesky takes JPEG, PNG, GIF and WebP images, not {attachment.ContentType}.");
        }

        var bytes = await ReadAsync(attachment, cancellationToken).ConfigureAwait(false);
        var upload = await xrpc.CallAsync(account,
            XrpcRequest.Upload("com.atproto.repo.uploadBlob", _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)), attachment.ContentType.ToLowerInvariant(), bytes.Length),
            cancellationToken).ConfigureAwait(false);
        var blob = Json.Object(upload, "blob") ?? throw PlatformException.Retryable("The PDS answered uploadBlob without a blob.");
        var image = new JsonObject { ["image"] = blob.DeepClone(), ["alt"] = attachment.AltText?.Trim() ?? "" };
        if (ImageSize.Read(bytes) is var (width, height))
        {
            image["aspectRatio"] = new JsonObject { ["width"] = width, ["height"] = height };
        }

        return image;
    }

    private static async Task<byte[]> ReadAsync(MediaAttachment attachment, CancellationToken cancellationToken)
    {
        if (attachment.Length > BlueskyProfile.MaxImageBytes)
        {
            throw PlatformException.Rejected($"{attachment.FileName} is larger than Bluesky's {BlueskyProfile.MaxImageBytes / 1000} kB for an image.");
        }

        var stream = await attachment.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > BlueskyProfile.MaxImageBytes)
                {
                    throw PlatformException.Rejected($"{attachment.FileName} is larger than Bluesky's {BlueskyProfile.MaxImageBytes / 1000} kB for an image.");
                }
            }

            return buffer.ToArray();
        }
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
