using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Extensible.People;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Plugins.Tests.Api;

/// <summary>
/// <c>/api/v1/plugins</c>: list, install (zip body and multipart), enable, disable, settings and uninstall as the server
/// operator (the first owner); 401 without a token, 403 for an admin changing things or reading settings, 404 for unknown ids, 400 for bad archives and settings, 409 for
/// bundled plugins.
/// </summary>
public sealed class the_plugins_api(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string SettingsSource = """
        using System.ComponentModel.DataAnnotations;
        using Extensible.Sdk;
        using Extensible.Sdk.Content;
        namespace Fixture;
        public sealed class Options
        {
            [Range(1, 10)] public int Level { get; set; } = 3;
            [Secret] public string? ApiKey { get; set; }
        }
        public sealed class Entry : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<Options>();
                plugin.AddContentRule(_ => new Rule());
            }
        }
        public sealed class Rule : IContentRule
        {
            public CapabilityInfo Info => new("rule", "Rule", "a rule");
            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) => Task.FromResult(new RuleVerdict(RuleOutcome.Pass, []));
        }
        """;

    private PluginsHost _host = null!;

    public async Task InitializeAsync()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.bundled", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Bundled);
        _host = await PluginsHost.StartAsync(database.ConnectionString, folders);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task the_owner_manages_plugins_and_others_are_refused()
    {
        using var owner = Client(PluginsHost.OwnerToken);
        using var anonymous = Client(null);
        using var admin = Client(await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative))).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/plugins");
        var bundled = list.EnumerateArray().Single();
        Assert.Equal("acme.bundled", bundled.GetProperty("id").GetString());
        Assert.Equal("running", bundled.GetProperty("state").GetString());
        Assert.Equal("bundled", bundled.GetProperty("origin").GetString());
        Assert.Equal("content-rule", bundled.GetProperty("capabilities")[0].GetProperty("kind").GetString());
        Assert.Equal("closed", bundled.GetProperty("calls").GetProperty("breaker").GetString());

        var archive = new FixturePlugin { Id = "acme.api", Source = SettingsSource }.Zip();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip(archive))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(new Uri("/api/v1/plugins/acme.bundled/disable", UriKind.Relative), null)).StatusCode);

        using var installed = await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip(archive));
        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        Assert.Equal("running", (await installed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        // Multipart upload upgrades it.
        var upgrade = new FixturePlugin { Id = "acme.api", Version = "1.1.0", Source = SettingsSource }.Zip();
        using var form = new MultipartFormDataContent { { Zip(upgrade), "file", "acme.api.zip" } };
        using var upgraded = await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, upgraded.StatusCode);
        Assert.Equal("1.1.0", (await owner.GetFromJsonAsync<JsonElement>("/api/v1/plugins/acme.api")).GetProperty("version").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip("not a zip"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Json("{}"))).StatusCode);
        var replaceBundled = new FixturePlugin { Id = "acme.bundled", Source = FixturePlugin.RuleSource() }.Zip();
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip(replaceBundled))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync(new Uri("/api/v1/plugins/acme.bundled", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri("/api/v1/plugins/acme.nothing", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync(new Uri("/api/v1/plugins/acme.nothing/enable", UriKind.Relative), null)).StatusCode);

        // Settings: 400 per field, then saved; the secret is only "set".
        using var invalid = await owner.PutAsync(new Uri("/api/v1/plugins/acme.api/settings", UriKind.Relative), Json("""{ "level": 11 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Level", out _));
        using var saved = await owner.PutAsync(new Uri("/api/v1/plugins/acme.api/settings", UriKind.Relative), Json("""{ "Level": 4, "ApiKey": "sk-secret" }"""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // Settings configure code that runs with the server's rights: a workspace admin does not even read them.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/api/v1/plugins/acme.api/settings", UriKind.Relative))).StatusCode);
        var settings = await owner.GetStringAsync(new Uri("/api/v1/plugins/acme.api/settings", UriKind.Relative));
        Assert.DoesNotContain("sk-secret", settings, StringComparison.Ordinal);
        var fields = JsonDocument.Parse(settings).RootElement.GetProperty("fields");
        Assert.Equal("4", fields[0].GetProperty("value").GetString());
        Assert.True(fields[1].GetProperty("isSet").GetBoolean());

        using var disabled = await owner.PostAsync(new Uri("/api/v1/plugins/acme.api/disable", UriKind.Relative), null);
        Assert.Equal("disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.GetAsync(new Uri("/api/v1/plugins/acme.api/settings", UriKind.Relative))).StatusCode);
        using var enabled = await owner.PostAsync(new Uri("/api/v1/plugins/acme.api/enable", UriKind.Relative), null);
        Assert.Equal("running", (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.DeleteAsync(new Uri("/api/v1/plugins/acme.api", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri("/api/v1/plugins/acme.api", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri("/api/v1/plugins/acme.api", UriKind.Relative))).StatusCode);
    }

    private async Task<string> AdminTokenAsync()
    {
        var people = _host.Services.GetRequiredService<PeopleService>();
        var directory = _host.Services.GetRequiredService<PeopleDirectory>();
        var owner = (await directory.FindUserByEmailAsync(PluginsHost.OwnerEmail))!;
        var workspace = (await directory.WorkspacesOfAsync(owner.Id)).Single().WorkspaceId;
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var secret = await people.InviteAsync(workspace, email, Role.Admin, Role.Owner, PluginsHost.OwnerEmail);
        var userId = await people.AcceptInvitationAsync(secret, "Adam Admin", "correct horse battery");
        return await people.CreateApiTokenAsync(workspace, userId, "tests", Role.Admin, Role.Admin, email);
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = _host.Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static ByteArrayContent Zip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
