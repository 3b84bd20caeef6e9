using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Extensible.Publishing.Media;

/// <summary>
/// Reads a multipart upload straight from the request body into the library, one file at a time, never buffering a
/// whole file (the framework's form reading would): the console's upload and the API's share it.
/// </summary>
public static class MediaUploadForm
{
    /// <summary>The most files one request may carry.</summary>
    public const int MaxFiles = 20;

    /// <summary>Each file part of the request, uploaded in order; a refused file does not stop the others.</summary>
    /// <exception cref="MediaRefusedException">The request is not a multipart form, or carries no file.</exception>
    public static async Task<IReadOnlyList<MediaUploadOutcome>> ReadAsync(HttpRequest request, MediaLibrary library, Guid workspaceId, Guid actorId, string actor,
        int maxFiles = MaxFiles, ICollection<KeyValuePair<string, string>>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(library);

        // The API caps bodies at 64 KB; an upload may be as large as the largest file the library takes.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = library.Options.MaxUploadBytes + (1024 * 1024);
        }

        // A form read already (a plain form post whose antiforgery token travels in a field): its files are buffered.
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            foreach (var (key, values) in form)
            {
                foreach (var value in values.OfType<string>())
                {
                    fields?.Add(new(key, value));
                }
            }

            return await ReadBufferedAsync(form, library, workspaceId, actorId, actor, maxFiles, cancellationToken);
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MediaRefusedException("Send the file as multipart/form-data, in a field named 'file'.");
        }

        var outcomes = new List<MediaUploadOutcome>();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFormDisposition())
                {
                    // Small text fields beside the files (the picker's chosen ids); anything larger is not ours.
                    if (fields is not null && fields.Count < 500)
                    {
                        var value = await new StreamReader(section.Body).ReadToEndAsync(cancellationToken);
                        if (value.Length <= 4096)
                        {
                            fields.Add(new(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", value));
                        }
                    }

                    continue;
                }

                if (!disposition.IsFileDisposition())
                {
                    continue;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (outcomes.Count == maxFiles)
                {
                    break;
                }

                try
                {
                    outcomes.Add(new MediaUploadOutcome(fileName, await library.UploadAsync(workspaceId, fileName, section.Body, actorId, actor, cancellationToken), null));
                }
                catch (MediaRefusedException e)
                {
                    outcomes.Add(new MediaUploadOutcome(fileName, null, e.Message));
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new MediaRefusedException($"The upload is too large: the most accepted is {MediaSize.Describe(library.Options.MaxUploadBytes)}.", e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaRefusedException("The upload is not a well-formed multipart form.", e);
        }

        return outcomes.Count > 0 ? outcomes : throw NoFile();
    }

    private static async Task<IReadOnlyList<MediaUploadOutcome>> ReadBufferedAsync(IFormCollection form, MediaLibrary library, Guid workspaceId, Guid actorId, string actor,
        int maxFiles, CancellationToken cancellationToken)
    {
        var outcomes = new List<MediaUploadOutcome>();
        foreach (var file in form.Files.Take(maxFiles))
        {
            try
            {
                await using var content = file.OpenReadStream();
                outcomes.Add(new MediaUploadOutcome(file.FileName, await library.UploadAsync(workspaceId, file.FileName, content, actorId, actor, cancellationToken), null));
            }
            catch (MediaRefusedException e)
            {
                outcomes.Add(new MediaUploadOutcome(file.FileName, null, e.Message));
            }
        }

        return outcomes.Count > 0 ? outcomes : throw NoFile();
    }

    private static MediaRefusedException NoFile() => new("Choose a file to upload (the form carried none).");
}
