using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Extensible.Host.Docs;

/// <summary>
/// <c>/docs/…</c>: the product's documentation (the repository's <c>docs/</c>, shipped in the host's output), as plain
/// text. Bundled plugins link to their page there, so the console's links work on a server without internet access.
/// </summary>
public static class DocsExtensions
{
    /// <summary>Where the documentation is served.</summary>
    public const string Path = "/docs";

    /// <summary>
    /// Serves the Markdown pages under <c>/docs</c> (nothing else of the folder), to anyone: they are the public
    /// repository's. Call before authorization, whose fallback policy would otherwise ask for a sign-in.
    /// </summary>
    public static WebApplication UseExtensibleDocs(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "docs");
        if (!Directory.Exists(folder))
        {
            return app;
        }

        var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [".md"] = "text/plain; charset=utf-8" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = Path, ContentTypeProvider = types });
        return app;
    }
}
