using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Api;

public sealed partial class openapi_document_lists_every_api_route(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task every_mapped_api_v1_operation_is_described_with_its_policy_and_the_bearer_scheme()
    {
        using var client = api.Client();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var routes = api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToLowerInvariant(), Path: Constraint().Replace(e.RoutePattern.RawText!, "}"))))
            .ToList();
        Assert.True(routes.Count >= 11, $"Only {routes.Count} /api/v1 routes are mapped.");
        var paths = document.GetProperty("paths");
        foreach (var (method, path) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"The OpenAPI document lacks {path}.");
            Assert.True(item.TryGetProperty(method, out var operation), $"The OpenAPI document lacks {method} {path}.");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary.");
            Assert.NotEmpty(operation.GetProperty("x-extensible-policy").EnumerateArray());
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("bearer", out _), $"{method} {path} does not ask for the bearer token.");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
        }

        Assert.Equal(routes.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.Text("type"));
        Assert.Equal("bearer", scheme.Text("scheme"));
    }

    [Fact]
    public async Task request_bodies_and_responses_have_their_shapes()
    {
        var document = await (await api.Client().GetAsync("/openapi/v1.json")).JsonAsync();

        var create = document.GetProperty("paths").GetProperty("/api/v1/tokens").GetProperty("post");
        var body = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/CreateTokenRequest", body.Text("$ref"));
        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateTokenRequest").GetProperty("properties");
        Assert.True(request.TryGetProperty("name", out _));
        Assert.True(request.TryGetProperty("expiresAt", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.False(create.TryGetProperty("parameters", out _), "The body must not show as a parameter.");
    }

    [Fact]
    public async Task the_document_is_public_but_rate_limited_like_the_api()
    {
        var response = await api.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();
}
