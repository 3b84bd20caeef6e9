using System.ComponentModel;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api</c>: the API's reference as plain server-rendered HTML, from the same descriptions the OpenAPI document is
/// made of. No scripts or styles at all, everything HTML-encoded, served with a CSP that allows none.
/// </summary>
internal static partial class ApiReferencePage
{
    private const string ContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static async Task<IResult> RenderAsync(HttpContext context, IApiDescriptionGroupCollectionProvider descriptions,
        IAuthorizationPolicyProvider policies, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var operations = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal).ThenBy(d => MethodOrder(d.HttpMethod))
            .ToList();
        var page = new Page(json.Value.SerializerOptions);
        page.Line("<!doctype html>");
        page.Line("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Line("<title>Extensible API v1</title></head><body>");
        page.Line("<header><h1>Extensible API v1</h1>");
        page.Line("<p>Send a personal API token as <code>Authorization: Bearer ext_…</code>; it acts in one workspace with one role. "
            + "Bodies are JSON (at most 64 KB); errors are problem details. Machine-readable: <a href=\"/openapi/v1.json\">/openapi/v1.json</a>.</p></header>");
        page.Line("<nav aria-label=\"Operations\"><ul>");
        foreach (var operation in operations)
        {
            page.Line($"<li><a href=\"#{Encode(Anchor(operation))}\"><code>{Encode(operation.HttpMethod)} {Encode(Path(operation))}</code></a> {Encode(Summary(operation))}</li>");
        }

        page.Line("</ul></nav><main>");
        foreach (var operation in operations)
        {
            await page.OperationAsync(operation, policies);
        }

        page.Shapes();
        page.Line("</main></body></html>");

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    // "api/v1/tokens/{id:guid}" → "/api/v1/tokens/{id}", as the OpenAPI document writes it.
    private static string Path(ApiDescription d) => "/" + RouteConstraint().Replace(d.RelativePath ?? "", "}");

    private static int MethodOrder(string? method) => method switch { "GET" => 0, "POST" => 1, "PUT" => 2, "PATCH" => 3, "DELETE" => 4, _ => 5 };

    private static string Anchor(ApiDescription d) => $"{d.HttpMethod}{Path(d)}".ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);

    private static string Summary(ApiDescription d) =>
        d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? "";

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex RouteConstraint();

    /// <summary>The HTML being written, and the request and response types met on the way (described at the end).</summary>
    private sealed class Page(System.Text.Json.JsonSerializerOptions json)
    {
        private readonly StringBuilder _html = new();
        private readonly List<Type> _shapes = [];

        public void Line(string html) => _html.Append(html).Append('\n');

        public override string ToString() => _html.ToString();

        public async Task OperationAsync(ApiDescription operation, IAuthorizationPolicyProvider policies)
        {
            var metadata = operation.ActionDescriptor.EndpointMetadata;
            Line($"<section id=\"{Encode(Anchor(operation))}\"><h2><code>{Encode(operation.HttpMethod)} {Encode(Path(operation))}</code></h2>");
            Line($"<p><strong>{Encode(Summary(operation))}</strong></p>");
            if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description is { } description)
            {
                Line($"<p>{Encode(description)}</p>");
            }

            Line("<dl>");
            Line($"<dt>Who may call</dt><dd>{Encode(await EndpointAccess.DescribeAsync([.. metadata], policies))}</dd>");
            var parameters = operation.ParameterDescriptions.Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query).ToList();
            if (parameters.Count > 0)
            {
                Line("<dt>Parameters</dt><dd><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th><th scope=\"col\">Type</th><th scope=\"col\">Notes</th></tr></thead><tbody>");
                foreach (var parameter in parameters)
                {
                    var notes = (parameter.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description;
                    var type = parameter.Source == BindingSource.Path && parameter.RouteInfo?.Constraints?.Any() == true
                        ? string.Join(", ", parameter.RouteInfo.Constraints.Select(c => c.GetType().Name.Replace("RouteConstraint", "", StringComparison.Ordinal).ToLowerInvariant()))
                        : TypeName(parameter.Type);
                    Line($"<tr><td><code>{Encode(parameter.Name)}</code></td><td>{Encode(parameter.Source.DisplayName.ToLowerInvariant())}</td><td>{Encode(type)}</td><td>{Encode(notes)}</td></tr>");
                }

                Line("</tbody></table></dd>");
            }

            foreach (var body in metadata.OfType<IAcceptsMetadata>().Where(a => a.RequestType is not null))
            {
                Line($"<dt>Request body</dt><dd>{Encode(string.Join(", ", body.ContentTypes))}: {TypeLink(body.RequestType!)}</dd>");
            }

            Line("<dt>Responses</dt><dd><ul>");
            foreach (var response in operation.SupportedResponseTypes.OrderBy(r => r.StatusCode))
            {
                var shape = response.Type is null || response.Type == typeof(void) ? "no body" : TypeLink(response.Type);
                Line($"<li><code>{response.StatusCode}</code> {shape}</li>");
            }

            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                Line("<li><code>401</code> no body: no, an unknown, a revoked or an expired token</li>");
                Line("<li><code>403</code> no body: the caller's role does not allow this</li>");
            }

            Line("</ul></dd></dl></section>");
        }

        public void Shapes()
        {
            if (_shapes.Count == 0)
            {
                return;
            }

            Line("<section id=\"shapes\"><h2>Shapes</h2>");
            for (var i = 0; i < _shapes.Count; i++)
            {
                var type = _shapes[i];
                Line($"<section id=\"shape-{Encode(type.Name)}\"><h3>{Encode(type.Name)}</h3>");
                if (type.GetCustomAttribute<DescriptionAttribute>()?.Description is { } about)
                {
                    Line($"<p>{Encode(about)}</p>");
                }

                Line("<table><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Type</th><th scope=\"col\">Notes</th></tr></thead><tbody>");
                foreach (var property in json.GetTypeInfo(type).Properties)
                {
                    var nullable = property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
                    var notes = property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
                    Line($"<tr><td><code>{Encode(property.Name)}</code></td><td>{TypeLink(property.PropertyType)}{(nullable ? " or null" : "")}</td><td>{Encode(notes)}</td></tr>");
                }

                Line("</tbody></table></section>");
            }

            Line("</section>");
        }

        // A type's name in JSON terms, linked to its shape when it is one of the API's records.
        private string TypeLink(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type))
            {
                return type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails)
                    ? "problem details with <code>errors</code>: each field's messages"
                    : "problem details";
            }

            if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence)
            {
                return $"array of {TypeLink(sequence.GetGenericArguments()[0])}";
            }

            if (type.Namespace == typeof(ApiReferencePage).Namespace && json.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object)
            {
                if (!_shapes.Contains(type))
                {
                    _shapes.Add(type);
                }

                return $"<a href=\"#shape-{Encode(type.Name)}\">{Encode(type.Name)}</a>";
            }

            return Encode(TypeName(type));
        }

        private static string TypeName(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(string)) ?? type) switch
        {
            var t when t == typeof(Guid) => "uuid",
            var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "date-time",
            var t when t == typeof(int) || t == typeof(long) => "integer",
            var t when t == typeof(bool) => "boolean",
            var t when t == typeof(JsonObject) => "object",
            _ => "string",
        };
    }
}
