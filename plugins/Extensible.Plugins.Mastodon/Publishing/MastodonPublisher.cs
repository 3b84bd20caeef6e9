using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Publishing;

/// <summary>
/// Publishes statuses: media uploaded with <c>POST /api/v2/media</c> (waiting while the instance processes them), then
/// <c>POST /api/v1/statuses</c> with the host's idempotency key in <c>Idempotency-Key</c> (the instance answers a repeat
/// with the status it made the first time), each later part of a thread replying to the one before.
/// </summary>
internal sealed class MastodonPublisher(IPluginContext context, MastodonApi api)
{
    /// <summary>How long an instance may take to process one upload (videos are transcoded) before the publish is retried later.</summary>
    public static readonly TimeSpan ProcessingDeadline = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan FirstProcessingWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestProcessingWait = TimeSpan.FromSeconds(5);

    public async Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (instance, token) = MastodonAccount.Open(request.Account);
        var content = request.Content;
        var options = StatusOptions.Read(content.Options);
        if (options.Problem(content, InstanceLimits.From(request.Account)) is { } problem)
        {
            throw PlatformException.Rejected(problem);
        }

        var mediaIds = new List<string>();
        foreach (var media in content.Media)
        {
            mediaIds.Add(await UploadAsync(instance, token, media, cancellationToken).ConfigureAwait(false));
        }

        var first = await PostStatusAsync(instance, token, Status(content.Text, options, mediaIds, null, withPoll: true), request.IdempotencyKey, cancellationToken)
            .ConfigureAwait(false);
        var previous = first.Id;
        var thread = new List<string>();
        for (var i = 0; i < content.ThreadParts.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{request.IdempotencyKey}/{i + 1}");
            var part = await PostStatusAsync(instance, token, Status(content.ThreadParts[i], options, [], previous, withPoll: false), key, cancellationToken)
                .ConfigureAwait(false);
            thread.Add(part.Id);
            previous = part.Id;
        }

        context.Logger.StatusPublished(first.Id, request.Account.PlatformAccountId);
        return new PublishedPost(first.Id, first.Url) { ThreadPostIds = thread };
    }

    public async Task DeleteAsync(AccountCredentials account, string statusId, CancellationToken cancellationToken)
    {
        var (instance, token) = MastodonAccount.Open(account);
        try
        {
            await api.SendAsync(HttpMethod.Delete, instance, "/api/v1/statuses/" + MastodonAccount.Id(statusId), token, null, cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            // Deleted already (a retry after a timeout): the take-down is done.
        }

        context.Logger.StatusDeleted(statusId);
    }

    private async Task<(string Id, Uri? Url)> PostStatusAsync(Uri instance, string token, byte[] body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var json = new ByteArrayContent(body);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var status = (await api.SendAsync(HttpMethod.Post, instance, "/api/v1/statuses", token, json, cancellationToken, idempotencyKey).ConfigureAwait(false)).Body;
        return (status.Required("id", "status"), status.Url("url"));
    }

    private static byte[] Status(string text, StatusOptions options, List<string> mediaIds, string? inReplyToId, bool withPoll)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", text);
            writer.WriteString("visibility", options.Visibility ?? "public");
            if (options.ContentWarning is { } warning)
            {
                writer.WriteString("spoiler_text", warning);
            }

            if (options.Language is { } language)
            {
                writer.WriteString("language", language);
            }

            if (inReplyToId is not null)
            {
                writer.WriteString("in_reply_to_id", inReplyToId);
            }

            if (mediaIds.Count > 0)
            {
                writer.WriteStartArray("media_ids");
                foreach (var id in mediaIds)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteBoolean("sensitive", options.Sensitive);
            }

            if (withPoll && options.PollOptions.Count > 0)
            {
                writer.WriteStartObject("poll");
                writer.WriteStartArray("options");
                foreach (var option in options.PollOptions)
                {
                    writer.WriteStringValue(option);
                }

                writer.WriteEndArray();
                writer.WriteNumber("expires_in", (long)options.PollDuration.TotalSeconds);
                writer.WriteBoolean("multiple", options.PollMultiple);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // 200 with a url: ready. 202: processing; GET /api/v1/media/:id answers 206 until it is ready, then 200 with the url.
    private async Task<string> UploadAsync(Uri instance, string token, MediaAttachment media, CancellationToken cancellationToken)
    {
        JsonElement uploaded;
        await using (var stream = await media.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            using var form = new MultipartFormDataContent();
            var file = new StreamContent(stream);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            form.Add(file, "file", SafeFileName(media.FileName));
            if (!string.IsNullOrWhiteSpace(media.AltText))
            {
                form.Add(new StringContent(media.AltText, Encoding.UTF8), "description");
            }

            uploaded = (await api.SendAsync(HttpMethod.Post, instance, "/api/v2/media", token, form, cancellationToken).ConfigureAwait(false)).Body;
        }

        var id = uploaded.Required("id", "media attachment");
        if (uploaded.String("url") is { Length: > 0 })
        {
            return id;
        }

        var deadline = context.Time.GetUtcNow() + ProcessingDeadline;
        var wait = FirstProcessingWait;
        while (true)
        {
            context.Logger.MediaProcessing(id);
            await Task.Delay(wait, context.Time, cancellationToken).ConfigureAwait(false);
            var answer = await api.SendAsync(HttpMethod.Get, instance, "/api/v1/media/" + MastodonAccount.Id(id), token, null, cancellationToken).ConfigureAwait(false);
            if (answer.Status == HttpStatusCode.OK && answer.Body.String("url") is { Length: > 0 })
            {
                return id;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw PlatformException.Retryable($"The instance was still processing {media.FileName} after {ProcessingDeadline.TotalMinutes:0} minutes.");
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestProcessingWait.Ticks));
        }
    }

    private static string SafeFileName(string name)
    {
        var cleaned = new string([.. (name ?? "").Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]);
        return cleaned.Length is > 0 and <= 200 ? cleaned : "upload";
    }
}
