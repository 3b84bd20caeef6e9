using Extensible.Host.Publishing;
using Extensible.People;
using Extensible.Publishing.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Extensible.Host.Api;

/// <summary><c>/api/v1/media</c>: the current workspace's media library.</summary>
internal static class MediaApi
{
    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/media", ListAsync).WithTags("Media").RequireAuthorization(Policies.Member)
            .WithName("ListMedia").WithSummary("The media library")
            .WithDescription("The workspace's images and videos, newest first (at most 500).");
        api.MapPost("/media", UploadAsync).WithTags("Media").RequireAuthorization(Policies.Compose)
            .AddOpenApiOperationTransformer(DescribeUploadBody)
            .Produces<MediaUploadResponse>(StatusCodes.Status201Created).Produces<MediaUploadResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new MediaBodySizeLimit())
            .WithName("UploadMedia").WithSummary("Upload an image or video")
            .WithDescription("One file as multipart/form-data (field 'file'). The type is read from the content, never from the name: JPEG, PNG, GIF, WebP, MP4 or QuickTime; "
                + "sizes and an image's pixel count are limited (Extensible:Media). Images get a thumbnail. The same bytes uploaded again answer the existing item "
                + "with 200 and reused = true; a new item answers 201. A refused file stores nothing and answers 400 saying why.");
        api.MapGet("/media/{id:guid}", GetAsync).WithTags("Media").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMedia").WithSummary("A media item");
        api.MapGet("/media/{id:guid}/content", ContentAsync).WithTags("Media").RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMediaContent").WithSummary("A media item's bytes")
            .WithDescription("Served with the type read from the content, nosniff, as an attachment; ranges are supported.");
        api.MapGet("/media/{id:guid}/thumbnail", ThumbnailAsync).WithTags("Media").RequireAuthorization(Policies.Member)
            .Produces(StatusCodes.Status200OK, contentType: "image/webp").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMediaThumbnail").WithSummary("An image's thumbnail (WebP)");
        api.MapPut("/media/{id:guid}/alt-text", SetAltTextAsync).WithTags("Media").RequireAuthorization(Policies.Compose)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SetMediaAltText").WithSummary("Set a media item's alt text");
        api.MapDelete("/media/{id:guid}", DeleteAsync).WithTags("Media").RequireAuthorization(Policies.Compose)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteMedia").WithSummary("Remove a media item from the library")
            .WithDescription("Posts not yet sent that use it keep it until they are sent or discarded; otherwise its bytes are removed at once.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<MediaResponse>>> ListAsync(MediaLibrary library, HttpContext context)
    {
        var items = await library.ListAsync(context.User.WorkspaceId(), cancellationToken: context.RequestAborted);
        IReadOnlyList<MediaResponse> list = [.. items.Select(MediaResponse.Of)];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<MediaUploadResponse>, Ok<MediaUploadResponse>, ValidationProblem>> UploadAsync(MediaLibrary library, HttpContext context)
    {
        var caller = context.User;
        IReadOnlyList<MediaUploadOutcome> outcomes;
        try
        {
            outcomes = await MediaUploadForm.ReadAsync(context.Request, library, caller.WorkspaceId(), caller.UserId(), caller.Actor(), maxFiles: 1, cancellationToken: context.RequestAborted);
        }
        catch (MediaRefusedException e)
        {
            return Refused(e.Message);
        }

        var outcome = outcomes[0];
        if (outcome.Upload is not { } upload)
        {
            return Refused(outcome.Problem!);
        }

        var response = new MediaUploadResponse(MediaResponse.Of(upload.Item), upload.Reused);
        return upload.Reused ? TypedResults.Ok(response) : TypedResults.Created($"/api/v1/media/{upload.Item.Id}", response);
    }

    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetAsync(Guid id, MediaLibrary library, HttpContext context) =>
        await library.GetAsync(context.User.WorkspaceId(), id, context.RequestAborted) is { } item ? TypedResults.Ok(MediaResponse.Of(item)) : NotFound();

    private static async Task<IResult> ContentAsync(Guid id, MediaLibrary library, HttpContext context)
    {
        var workspaceId = context.User.WorkspaceId();
        if (await library.GetAsync(workspaceId, id, context.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        return MediaResults.File(context, library.OpenContent(item), item.ContentType, item.FileName);
    }

    private static async Task<IResult> ThumbnailAsync(Guid id, MediaLibrary library, HttpContext context) =>
        await library.OpenThumbnailAsync(context.User.WorkspaceId(), id, context.RequestAborted) is { } thumbnail
            ? MediaResults.File(context, thumbnail, "image/webp", fileName: null)
            : NotFound();

    private static async Task<Results<Ok<MediaResponse>, ValidationProblem, ProblemHttpResult>> SetAltTextAsync(Guid id, JsonBody<MediaAltTextRequest> body, MediaLibrary library, HttpContext context)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var caller = context.User;
        if (await library.GetAsync(caller.WorkspaceId(), id, context.RequestAborted) is null)
        {
            return NotFound();
        }

        try
        {
            var item = await library.SetAltTextAsync(caller.WorkspaceId(), id, body.Value!.AltText, caller.UserId(), caller.Actor(), context.RequestAborted);
            return TypedResults.Ok(MediaResponse.Of(item));
        }
        catch (MediaRefusedException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["altText"] = [e.Message] });
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, MediaLibrary library, HttpContext context)
    {
        var caller = context.User;
        return await library.DeleteAsync(caller.WorkspaceId(), id, caller.UserId(), caller.Actor(), context.RequestAborted) ? TypedResults.NoContent() : NotFound();
    }

    // The form is read by the handler itself (streamed); Accepts metadata would make routing answer 415 before
    // authorization, so the body is only described here.
    private static Task DescribeUploadBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The file, as multipart/form-data in the field 'file'.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "JPEG, PNG, GIF, WebP, MP4 or QuickTime." },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static ValidationProblem Refused(string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("No such media in this workspace's library.");

    // The group caps bodies at 64 KB; this endpoint's own metadata comes later and wins. The exact limit follows the
    // media options (the upload form raises it per request before reading).
    private sealed class MediaBodySizeLimit : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
