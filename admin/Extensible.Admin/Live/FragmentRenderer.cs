using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Admin.Live;

/// <summary>
/// Renders a Razor partial to a string outside of any request, for pushes: the same partial a page renders inline
/// renders the pushed fragment, so the two never drift apart and everything a stranger wrote is HTML-encoded by Razor.
/// </summary>
/// <remarks>
/// A fragment is sent to many people, so it must not carry anything of one person's: forms in it post with
/// <c>hx-post</c> (the page adds each person's antiforgery token as a header), never with a hidden token field.
/// </remarks>
public sealed class FragmentRenderer(IServiceScopeFactory scopes)
{
    /// <summary>
    /// Renders <paramref name="partial"/> with <paramref name="model"/>: either a name found in <c>/Pages/Shared/</c>
    /// (<c>_Toast</c>) or an app-relative path (<c>/Pages/Inbox/_Row.cshtml</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No such partial exists.</exception>
    public async Task<string> RenderPartialAsync(string partial, object? model, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partial);
        cancellationToken.ThrowIfCancellationRequested();

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var httpContext = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());

        var path = partial.StartsWith('/') || partial.StartsWith('~') ? partial : $"/Pages/Shared/{partial}.cshtml";
        var found = services.GetRequiredService<IRazorViewEngine>().GetView(executingFilePath: null, path, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The partial '{partial}' was not found (looked for {string.Join(", ", found.SearchedLocations)}).");
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(httpContext, services.GetRequiredService<ITempDataProvider>());
        var viewContext = new ViewContext(actionContext, found.View, viewData, tempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}
