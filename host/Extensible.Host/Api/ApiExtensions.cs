using Extensible.Host.Security;
using Microsoft.AspNetCore.Http.Metadata;

namespace Extensible.Host.Api;

/// <summary>The REST API: <c>/api/v1</c>, its OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/api</c>.</summary>
public static class ApiExtensions
{
    /// <summary>The largest request body the API reads; larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Adds the OpenAPI document (with the bearer token scheme), problem details and the API's JSON metadata.</summary>
    public static IHostApplicationBuilder AddExtensibleApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(1, InboxRepliesJsonContext.Default));
        builder.Services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiSecurityTransformer>();
            o.AddOperationTransformer<ApiSecurityTransformer>();
        });
        return builder;
    }

    /// <summary>Maps <c>/api/v1</c> (rate-limited per token, bodies capped at 64 KB), the OpenAPI document and its reference UI at <c>/api</c>.</summary>
    public static WebApplication MapExtensibleApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().RequireRateLimiting(SecurityExtensions.ApiLimit);
        app.MapApiReference();

        var api = app.MapGroup("/api/v1")
            .RequireRateLimiting(SecurityExtensions.ApiLimit)
            .WithMetadata(new BodySizeLimit(MaxRequestBodyBytes));
        api.MapMeApi();
        api.MapWorkspacesApi();
        api.MapSessionsApi();
        api.MapMembersApi();
        api.MapMemberSecurityApi();
        api.MapTokensApi();
        api.MapAuditApi();
        api.MapPluginsApi();
        api.MapServerApi();
        api.MapPostsApi();
        api.MapPublishingSettingsApi();
        api.MapInboxSlaApi();
        api.MapAccountsApi();
        api.MapMediaApi();
        api.MapInboxItemsApi();
        api.MapSavedRepliesApi();
        api.MapInboxApi();
        api.MapInboxDeliveriesApi();
        return app;
    }

    // Endpoint routing applies this to the request before the body is read.
    private sealed class BodySizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
