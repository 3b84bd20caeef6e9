using Microsoft.Net.Http.Headers;

namespace Extensible.Host.Publishing;

/// <summary>
/// Media bytes as an answer: the type read from the content (only images and videos ever get here), nosniff, a
/// sandboxing content security policy, a safe inline disposition, ranges for video players.
/// </summary>
internal static class MediaResults
{
    public static IResult File(HttpContext context, Stream content, string contentType, string? fileName)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = "private, max-age=300";
        var disposition = new ContentDispositionHeaderValue("inline");
        if (fileName is not null)
        {
            disposition.SetHttpFileName(fileName);
        }

        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return Results.Stream(content, contentType, enableRangeProcessing: true);
    }
}
