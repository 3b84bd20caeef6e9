using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>Media: <c>POST /api/v2/media</c> (202 while processing) and <c>GET /api/v1/media/:id</c> (206 until ready).</summary>
public sealed partial class FakeMastodon
{
    private readonly Dictionary<string, Media> _media = new(StringComparer.Ordinal);

    /// <summary>The uploads so far: file name, content type, size and description.</summary>
    public IReadOnlyList<(string Id, string FileName, string ContentType, long Length, string? Description)> Uploads
    {
        get
        {
            lock (_gate)
            {
                return [.. _media.Values.Select(m => (m.Id, m.FileName, m.ContentType, m.Length, m.Description))];
            }
        }
    }

    private void MapMedia(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/media", async (HttpRequest request) =>
        {
            if (Caller(request, out var refused) is not { } account)
            {
                return refused!;
            }

            if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Error(422, "Validation failed: File can't be blank");
            }

            var form = await request.ReadFormAsync();
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return Error(422, "Validation failed: File can't be blank");
            }

            var description = form["description"].ToString();
            if (description.Length > 1500)
            {
                return Error(422, "Validation failed: Description is too long (maximum is 1500 characters)");
            }

            var media = new Media(NewId(), account, file.FileName, file.ContentType, file.Length, description.Length == 0 ? null : description) { PollsLeft = MediaProcessingPolls };
            lock (_gate)
            {
                _media[media.Id] = media;
                return Json(MediaJson(media), media.PollsLeft > 0 ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
            }
        });

        app.MapGet("/api/v1/media/{id}", (string id, HttpRequest request) =>
        {
            if (Caller(request, out var refused) is not { } account)
            {
                return refused!;
            }

            lock (_gate)
            {
                if (!_media.TryGetValue(id, out var media) || media.Account.Id != account.Id)
                {
                    return Error(404, "Record not found");
                }

                var processing = media.PollsLeft > 0;
                media.PollsLeft = Math.Max(0, media.PollsLeft - 1);
                return Json(MediaJson(media, processing), processing ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK);
            }
        });
    }

    private JsonObject MediaJson(Media media, bool? processing = null)
    {
        var ready = !(processing ?? media.PollsLeft > 0);
        return new JsonObject
        {
            ["id"] = media.Id,
            ["type"] = media.ContentType.StartsWith("video/", StringComparison.Ordinal) ? "video" : "image",
            ["url"] = ready ? $"{Origin}/system/media/{media.Id}/original" : null,
            ["preview_url"] = $"{Origin}/system/media/{media.Id}/small",
            ["description"] = media.Description,
        };
    }

    private sealed record Media(string Id, FakeMastodonAccount Account, string FileName, string ContentType, long Length, string? Description)
    {
        public int PollsLeft { get; set; }
    }
}
