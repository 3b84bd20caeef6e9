using Extensible.People;
using Extensible.Publishing.Media;

namespace Extensible.Host.Publishing;

/// <summary>
/// Media files outside the API: the console's (thumbnails and files for signed-in members of the item's workspace) and
/// the signed links networks fetch media from without signing in.
/// </summary>
public static class MediaRoutes
{
    /// <summary>Maps <c>/media/{id}/file</c>, <c>/media/{id}/thumbnail</c> and the signed <c>/media/{id}/{expires}/{signature}</c>.</summary>
    public static WebApplication MapMediaRoutes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/media/{id:guid}/file", FileAsync).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        app.MapGet("/media/{id:guid}/thumbnail", ThumbnailAsync).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        app.MapGet(MediaSignedUrls.Route, SignedAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FileAsync(Guid id, MediaLibrary library, HttpContext context) =>
        await library.GetAsync(context.User.WorkspaceId(), id, context.RequestAborted) is { } item
            ? MediaResults.File(context, library.OpenContent(item), item.ContentType, item.FileName)
            : Results.NotFound();

    private static async Task<IResult> ThumbnailAsync(Guid id, MediaLibrary library, HttpContext context) =>
        await library.OpenThumbnailAsync(context.User.WorkspaceId(), id, context.RequestAborted) is { } thumbnail
            ? MediaResults.File(context, thumbnail, "image/webp", fileName: null)
            : Results.NotFound();

    private static async Task<IResult> SignedAsync(Guid id, long expires, string signature, MediaLibrary library, HttpContext context)
    {
        var (access, item) = await library.OpenSignedAsync(id, expires, signature, context.RequestAborted);
        return access switch
        {
            SignedMediaAccess.Granted => MediaResults.File(context, library.OpenContent(item!), item!.ContentType, item.FileName),
            SignedMediaAccess.Expired => Results.Problem("This media link has expired: ask for a new one.", statusCode: StatusCodes.Status410Gone),
            SignedMediaAccess.Forged => Results.Problem("This media link is not valid.", statusCode: StatusCodes.Status403Forbidden),
            _ => Results.Problem("No such media.", statusCode: StatusCodes.Status404NotFound),
        };
    }
}
