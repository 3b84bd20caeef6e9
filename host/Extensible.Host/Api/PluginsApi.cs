using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/plugins</c>: the plugins this node found, installing them from a .zip, enabling, disabling, uninstalling and
/// their settings. Reading takes <c>administer</c>; changes take <c>owner</c>, because plugins are code that runs for the
/// whole installation.
/// </summary>
internal static class PluginsApi
{
    /// <summary>The largest plugin archive the API accepts.</summary>
    public const long MaxArchiveBytes = 32 * 1024 * 1024;

    private static readonly string[] ArchiveTypes = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

    public static RouteGroupBuilder MapPluginsApi(this RouteGroupBuilder api)
    {
        var plugins = api.MapGroup("/plugins").WithTags("Plugins");
        api.MapGet("/plugins", List).WithTags("Plugins").RequireAuthorization(Policies.ViewPlugins)
            .WithName("ListPlugins").WithSummary("Every plugin")
            .WithDescription("Bundled and installed plugins with their state (running, disabled, failed and why), capabilities and call statistics on the answering node.");
        plugins.MapGet("/{id}", Get).RequireAuthorization(Policies.ViewPlugins).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPlugin").WithSummary("One plugin");
        api.MapPost("/plugins", InstallAsync).WithTags("Plugins").RequireAuthorization(Policies.OperateServer)
            .WithMetadata(new ArchiveSizeLimit(MaxArchiveBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("InstallPlugin").WithSummary("Install or upgrade a plugin")
            .WithDescription("Send the published plugin folder zipped, as an application/zip body or as the file of a multipart form (at most 32 MB). An installed plugin with the same id is upgraded; bundled plugins cannot be replaced (409).");
        plugins.MapPost("/{id}/enable", EnableAsync).RequireAuthorization(Policies.OperateServer).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("EnablePlugin").WithSummary("Enable a plugin").WithDescription("Loads it on every node; a plugin that failed is tried again.");
        plugins.MapPost("/{id}/disable", DisableAsync).RequireAuthorization(Policies.OperateServer).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DisablePlugin").WithSummary("Disable a plugin").WithDescription("Unloads it on every node.");
        plugins.MapDelete("/{id}", UninstallAsync).RequireAuthorization(Policies.OperateServer)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UninstallPlugin").WithSummary("Uninstall a plugin").WithDescription("Unloads it and removes its folder. Bundled plugins can only be disabled (409).");
        plugins.MapGet("/{id}/settings", GetSettings).RequireAuthorization(Policies.OperateServer)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetPluginSettings").WithSummary("A plugin's settings").WithDescription("Field by field with current values; secrets only say whether they are set. 409 when the plugin is not running.");
        plugins.MapPut("/{id}/settings", SaveSettingsAsync).RequireAuthorization(Policies.OperateServer)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SavePluginSettings").WithSummary("Save a plugin's settings")
            .WithDescription("A JSON object of setting name to value. Settings left out keep their value; a secret sent empty or null keeps its stored value. Invalid values save nothing: 400 with messages per field.");
        return api;
    }

    private static Ok<IReadOnlyList<PluginResponse>> List(IPluginCatalog catalog)
    {
        IReadOnlyList<PluginResponse> all = [.. catalog.List().Select(ToResponse)];
        return TypedResults.Ok(all);
    }

    private static Results<Ok<PluginResponse>, ProblemHttpResult> Get(string id, IPluginCatalog catalog) =>
        catalog.Find(id) is { } plugin ? TypedResults.Ok(ToResponse(plugin)) : NotFound(id);

    private static async Task<Results<Created<PluginResponse>, ProblemHttpResult>> InstallAsync(HttpContext context, IPluginAdministration plugins, ClaimsPrincipal caller)
    {
        var request = context.Request;
        try
        {
            if (request.HasFormContentType)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception e) when (e is IOException or InvalidDataException && e is not BadHttpRequestException)
                {
                    // A multipart body that does not follow its own boundaries.
                    return TypedResults.Problem("The form could not be read: send the plugin's .zip archive as its one file.", statusCode: StatusCodes.Status400BadRequest);
                }

                if (form.Files.Count != 1)
                {
                    return TypedResults.Problem("Send exactly one file: the plugin's .zip archive.", statusCode: StatusCodes.Status400BadRequest);
                }

                await using var file = form.Files[0].OpenReadStream();
                return Installed(await plugins.InstallAsync(file, caller.Actor(), context.RequestAborted));
            }

            if (request.ContentType is null || !ArchiveTypes.Any(t => request.ContentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                return TypedResults.Problem("Send the plugin as an application/zip body or as the file of a multipart/form-data form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            return Installed(await plugins.InstallAsync(request.Body, caller.Actor(), context.RequestAborted));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The archive must be at most {MaxArchiveBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e)
        {
            // A body cut short (a chunked upload that ends early) or a malformed form.
            return TypedResults.Problem("The upload did not arrive whole: send the archive again.", statusCode: e.StatusCode);
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-upload; nobody reads this answer, but the request ends cleanly.
            return TypedResults.Problem("The upload was cut off.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }

        static Created<PluginResponse> Installed(PluginSummary plugin) => TypedResults.Created($"/api/v1/plugins/{Uri.EscapeDataString(plugin.Id)}", ToResponse(plugin));
    }

    private static async Task<Results<Ok<PluginResponse>, ProblemHttpResult>> EnableAsync(string id, IPluginAdministration plugins, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(ToResponse(await plugins.EnableAsync(id, caller.Actor(), cancellationToken)));
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Ok<PluginResponse>, ProblemHttpResult>> DisableAsync(string id, IPluginAdministration plugins, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(ToResponse(await plugins.DisableAsync(id, caller.Actor(), cancellationToken)));
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UninstallAsync(string id, IPluginAdministration plugins, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            await plugins.UninstallAsync(id, caller.Actor(), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }
    }

    private static Results<Ok<PluginSettingsResponse>, ProblemHttpResult> GetSettings(string id, IPluginCatalog catalog)
    {
        try
        {
            var form = catalog.DescribeSettings(id);
            return TypedResults.Ok(new PluginSettingsResponse(id, form is null ? [] : [.. form.Fields.Select(ToResponse)]));
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Ok<PluginSettingsResponse>, ValidationProblem, ProblemHttpResult>> SaveSettingsAsync(
        string id, JsonBody<Dictionary<string, JsonElement>> body, IPluginAdministration plugins, IPluginCatalog catalog, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is null)
        {
            return NotFound(id);
        }

        if (body.Problem is { } problem)
        {
            return problem;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in body.Value!)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when TextOf(value) is { } text:
                    values[name] = text;
                    break;
                case JsonValueKind.Number:
                    values[name] = value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[name] = value.GetBoolean() ? "true" : "false";
                    break;
                case JsonValueKind.Null:
                    values[name] = null;
                    break;
                default:
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = ["Send a string, a number, true, false or null."] });
            }
        }

        try
        {
            var result = await plugins.SaveSettingsAsync(id, values, caller.Actor(), cancellationToken);
            if (!result.Saved)
            {
                return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "body" : e.Key, e => e.Value.ToArray()));
            }

            var form = catalog.DescribeSettings(id);
            return TypedResults.Ok(new PluginSettingsResponse(id, form is null ? [] : [.. form.Fields.Select(ToResponse)]));
        }
        catch (PluginOperationException e)
        {
            return Problem(e);
        }
    }

    // A string with an escaped lone surrogate ("\ud800") is not text: it falls through to the refusal.
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound($"No plugin has the id '{id}'.");

    private static ProblemHttpResult Problem(PluginOperationException e) => TypedResults.Problem(e.Message, statusCode: e.Problem switch
    {
        PluginProblem.NotFound => StatusCodes.Status404NotFound,
        PluginProblem.InvalidPlugin => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    });

    private static PluginResponse ToResponse(PluginSummary p) => new(
        p.Id, p.Name, p.Version, p.Author, p.Description, Camel(p.Origin.ToString()), Camel(p.State.ToString()), p.FailureReason, p.UnloadProblem,
        p.IsSandbox, p.HasSettings,
        [.. p.Links.Select(l => new PluginLinkResponse(l.Title, l.Url.ToString()))],
        [.. p.Capabilities.Select(c => new PluginCapabilityResponse(c.Kind, c.Key, c.Name, c.Description))],
        new PluginCallsResponse(p.Calls.Calls, p.Calls.Failures, Math.Round(p.Calls.P95.TotalMilliseconds, 3), Camel(p.Calls.Breaker.ToString())));

    private static PluginSettingResponse ToResponse(SettingsField f) => new(
        f.Name, f.Label, f.Description, Camel(f.Kind.ToString()), f.Required, f.Kind == SettingsFieldKind.Secret ? null : f.Value, f.IsSet, f.Choices, f.Minimum, f.Maximum, f.MaxLength);

    private static string Camel(string name) => char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];

    // Endpoint metadata comes after the group's, so this limit replaces the API's 64 KB for uploads.
    private sealed class ArchiveSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
