using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Api;

/// <summary>
/// A JSON request body read by the API itself, so that malformed JSON, a missing body, a wrong content type or a
/// body over the limit are answered with problem details naming the field, instead of the framework's empty 400.
/// </summary>
/// <typeparam name="T">The request record.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Minimal APIs look for BindAsync and PopulateMetadata on the parameter's type.")]
public sealed class JsonBody<T> : IEndpointParameterMetadataProvider where T : class
{
    private JsonBody(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>The body, when it could be read.</summary>
    public T? Value { get; }

    /// <summary>Why the body could not be read, as the answer to send.</summary>
    public ProblemHttpResult? Problem { get; }

    /// <summary>Reads the body (called by minimal APIs' parameter binding).</summary>
    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasJsonContentType())
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json.");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), context.RequestAborted);
            return value is null ? Invalid("body", "Send a JSON object.") : new JsonBody<T>(value, null);
        }
        catch (JsonException e)
        {
            await DrainAsync(context);
            return Invalid(FieldOf(e.Path), e.Path is null or "$" ? "Send a JSON object with the documented fields, and nothing else." : "This value is not valid here: malformed, of the wrong type, or not a field of this request.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, $"The request body must be at most {ApiExtensions.MaxRequestBodyBytes / 1024} KB.");
        }
    }

    /// <summary>Describes the body for OpenAPI: JSON of type <typeparamref name="T"/>.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails), ["application/problem+json"]));
    }

    // The reader stops at the first bad token; the rest of the body (capped by the API's size limit) is read away, so the
    // client gets its 400 instead of a connection cut while it is still sending.
    private static async Task DrainAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            // Over the size limit or cut off: the answer is the 400 already decided.
        }
    }

    // "$.role" → "role"; "$.expiresAt" → "expiresAt"; the whole body → "body".
    private static string FieldOf(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal) ? "body" : path[2..].Split('.', '[')[0];

    private static JsonBody<T> Invalid(string field, string message) =>
        new(null, TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        }));

    private static JsonBody<T> Refused(int status, string detail) => new(null, TypedResults.Problem(detail, statusCode: status));
}
