using Extensible.Plugins.Settings;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;
using Npgsql;

namespace Extensible.Plugins.Tests.Settings;

/// <summary>Settings are validated by the plugin's own attributes; secrets are encrypted at rest and never shown back.</summary>
public sealed class settings_are_validated_and_secrets_stay_secret(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using Extensible.Sdk;
        using Extensible.Sdk.Content;
        namespace Fixture;
        public sealed class Options
        {
            [Required, Display(Name = "Campaign")] public string Campaign { get; set; } = "";
            [Range(1, 10)] public int Level { get; set; } = 3;
            [Secret] public string? ApiKey { get; set; }
        }
        public sealed class Entry : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<Options>();
                plugin.AddContentRule(context => new Rule(context));
            }
        }
        public sealed class Rule(IPluginContext context) : IContentRule
        {
            public CapabilityInfo Info => new("rule", "Rule", "reads settings");
            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken)
            {
                var o = context.GetSettings<Options>();
                return Task.FromResult(new RuleVerdict(RuleOutcome.Pass, [o.Campaign, o.Level.ToString(), o.ApiKey ?? "(none)"]));
            }
        }
        """;

    [Fact]
    public async Task invalid_settings_save_nothing_and_secrets_are_encrypted_and_never_returned()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.configured", Source = Source }.WriteTo(folders.Installed);
        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders);

        var form = host.Catalog.DescribeSettings("acme.configured")!;
        Assert.Equal(["Campaign", "Level", "ApiKey"], form.Fields.Select(f => f.Name));
        Assert.Equal(SettingsFieldKind.Secret, form.Fields[2].Kind);
        Assert.Equal("3", form.Fields[1].Value);
        Assert.Equal("10", form.Fields[1].Maximum);

        var invalid = await host.Admin.SaveSettingsAsync("acme.configured", new Dictionary<string, string?> { ["Campaign"] = "", ["Level"] = "11", ["ApiKey"] = "sk-live-secret" }, "tests");
        Assert.False(invalid.Saved);
        Assert.Contains("Level", invalid.Errors.Keys);
        var notNumber = await host.Admin.SaveSettingsAsync("acme.configured", new Dictionary<string, string?> { ["Level"] = "many", ["Nope"] = "x" }, "tests");
        Assert.Equal(["Level", "Nope"], notNumber.Errors.Keys.Order());
        Assert.Empty(await host.EventsAsync("plugin_settings_saved"));

        var saved = await host.Admin.SaveSettingsAsync("acme.configured", new Dictionary<string, string?> { ["Campaign"] = "spring", ["Level"] = "7", ["ApiKey"] = "sk-live-secret" }, "tests");
        Assert.True(saved.Saved);
        Assert.Equal(["spring", "7", "sk-live-secret"], await MessagesAsync(host));

        // A secret left empty keeps its value; it is never shown, only "set".
        Assert.True((await host.Admin.SaveSettingsAsync("acme.configured", new Dictionary<string, string?> { ["Level"] = "8", ["ApiKey"] = "" }, "tests")).Saved);
        Assert.Equal(["spring", "8", "sk-live-secret"], await MessagesAsync(host));
        var secret = host.Catalog.DescribeSettings("acme.configured")!.Fields.Single(f => f.Name == "ApiKey");
        Assert.True(secret.IsSet);
        Assert.Null(secret.Value);

        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select (select count(*) from extensible.mt_events where data::text like '%sk-live-secret%') + (select count(*) from plugin_states where settings::text like '%sk-live-secret%')");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private static async Task<IReadOnlyList<string>> MessagesAsync(PluginsHost host) =>
        (await host.Capabilities.ContentRules.Single().CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct))).Messages;
}
