using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Extensible.Host.Api;

/// <summary>
/// Describes the API's security in the OpenAPI document: the bearer token scheme, and on each operation the
/// token requirement, the policy (as <c>x-extensible-policy</c> and in words) and the 401/403 answers.
/// </summary>
internal sealed class ApiSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Extensible API",
            Version = "v1",
            Description = "The REST API of an Extensible server. Send a personal API token as `Authorization: Bearer ext_…`; "
                + "it acts in one workspace with one role. Errors are problem details (RFC 9457).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ext_…",
            Description = "A personal API token (console: Account → API tokens, or POST /api/v1/tokens). It fixes the workspace and the role; "
                + "it never does more than its person may do at the time of the call. A console session cookie works too.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var access = EndpointAccess.Describe([.. metadata]);
        operation.Description = $"{operation.Description}\n\nWho may call: {access}.".TrimStart();
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-extensible-policy"] = new JsonNodeExtension(new JsonArray([.. EndpointAccess.Policies([.. metadata]).Select(p => JsonValue.Create(p))]));
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No, an unknown, a revoked or an expired token (never a redirect)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller does not hold a capability this needs (their role in the workspace, or the server operator's)." });
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many calls with this token in the last minute." });
        return Task.CompletedTask;
    }
}
