using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Extensible.People;
using Extensible.Testing.Plugins;
using Npgsql;

namespace Extensible.Host.Tests.Api;

public sealed class audit_tells_who_did_what(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task people_events_are_sentences_with_names_and_a_removed_person_keeps_theirs()
    {
        var sam = await api.AddMemberAsync(Role.Analyst, name: "Sam Smith");
        await api.People.ChangeRoleAsync(api.WorkspaceId, sam.UserId, Role.Editor, Role.Owner, ApiHost.OwnerEmail);
        await api.People.RemoveMemberAsync(api.WorkspaceId, sam.UserId, Role.Owner, ApiHost.OwnerEmail);

        var entries = await EntriesAsync(ApiHost.OwnerToken);

        var summaries = entries.Select(e => e.Text("summary")).ToList();
        Assert.Contains($"Olive Owner invited {sam.Email} as Analyst.", summaries);
        Assert.Contains("Sam Smith accepted the invitation and joined the workspace.", summaries);
        Assert.Contains("Sam Smith created the API token “tests” with the role Analyst.", summaries);
        Assert.Contains("Olive Owner changed Sam Smith's role from Analyst to Editor.", summaries);
        Assert.Contains("Olive Owner removed Sam Smith from the workspace.", summaries);
        Assert.Contains("Olive Owner created the workspace Acme.", summaries);
        var invited = entries.First(e => e.Text("type") == "member_invited");
        Assert.Equal("Olive Owner", invited.Text("who"));
        Assert.Equal(ApiHost.OwnerEmail, invited.Text("user"));
        Assert.DoesNotContain(entries, e => e.GetProperty("data").ToString().Contains("hash", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Text("summary").Contains(sam.UserId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task plugin_actions_are_attributed_and_shown_to_owners_only_without_setting_values()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        using var owner = api.Client(ApiHost.OwnerToken);
        using var archive = new ByteArrayContent(GreeterPlugin.Build().Archive());
        archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), archive)).StatusCode);
        var plugin = $"/api/v1/plugins/{GreeterPlugin.Id}";
        await (await owner.PutJsonAsync($"{plugin}/settings", """{ "Greeting": "Welcome aboard", "ApiKey": "s3cret-key" }""")).JsonAsync();
        await (await owner.PostJsonAsync($"{plugin}/disable", "{}")).JsonAsync();
        await (await owner.PostJsonAsync($"{plugin}/enable", "{}")).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(plugin)).StatusCode);

        var entries = await EntriesAsync(ApiHost.OwnerToken);

        var summaries = entries.Where(e => e.Text("type").StartsWith("plugin_", StringComparison.Ordinal)).Select(e => e.Text("summary")).ToList();
        Assert.Equal(
        [
            "Olive Owner uninstalled the plugin Greeter 1.0.0.",
            "Olive Owner enabled the plugin Greeter.",
            "Olive Owner disabled the plugin Greeter.",
            "Olive Owner changed the settings of the plugin Greeter: ApiKey, Greeting.",
            "Olive Owner installed the plugin Greeter 1.0.0.",
        ], summaries);
        var text = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain("s3cret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome aboard", text, StringComparison.Ordinal);
        Assert.DoesNotContain(await StoredSecretAsync(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(await EntriesAsync(admin.Token), e => e.Text("type").StartsWith("plugin_", StringComparison.Ordinal));
        Assert.Empty(await EntriesAsync(admin.Token, "&type=plugin_enabled"));
        Assert.Single(await EntriesAsync(ApiHost.OwnerToken, "&type=plugin_enabled"));
    }

    private async Task<List<JsonElement>> EntriesAsync(string token, string query = "")
    {
        var page = await (await api.Client(token).GetAsync($"/api/v1/audit?limit=200{query}")).JsonAsync();
        return [.. page.GetProperty("entries").EnumerateArray()];
    }

    // The plugin's secret as the settings event stores it: encrypted, never the typed value.
    private async Task<string> StoredSecretAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        await using var command = dataSource.CreateCommand("select data -> 'Values' ->> 'ApiKey' from extensible.mt_events where type = 'plugin_settings_saved'");
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.NotEqual("s3cret-key", stored);
        return stored;
    }
}
