using System.Net;
using System.Text.Json;
using Extensible.Host.Tests.Api;

namespace Extensible.Host.Tests.Docs;

public sealed class the_documentation_is_served(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task the_sandbox_plugins_documentation_link_answers_with_its_page()
    {
        var link = DocumentationLink("Extensible.Plugins.Sandbox");

        var response = await api.Client().GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# The sandbox network", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_bluesky_connectors_documentation_link_answers_with_its_page()
    {
        var response = await api.Client().GetAsync(DocumentationLink("Extensible.Plugins.Bluesky"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("# Bluesky", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/docs/../appsettings.json")]
    [InlineData("/docs/%2e%2e/appsettings.json")]
    [InlineData("/docs/Extensible.Host.dll")]
    public async Task nothing_but_its_pages_is_served(string path)
    {
        var response = await api.Client().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    // The link as a bundled plugin's manifest (and so the Plugins room) has it.
    private static string DocumentationLink(string pluginFolder)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Extensible.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The repository root was not found.");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "plugins", pluginFolder, "plugin.json")));
        return manifest.RootElement.GetProperty("links")[0].GetProperty("url").GetString()!;
    }
}
