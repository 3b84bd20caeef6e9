using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;
using Extensible.Testing.Plugins;

namespace Extensible.Plugins.Tests.Settings;

/// <summary>A plugin whose settings were described, validated and saved still unloads completely when disabled, and says so.</summary>
public sealed class a_configured_plugin_unloads(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PluginsHost _host = null!;

    public async Task InitializeAsync() => _host = await PluginsHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task after_its_settings_form_was_read_and_saved()
    {
        var plugin = new TestPlugin("test.configured", "Configured", "1.0.0", Source);
        Assert.Equal(PluginState.Running, (await _host.Admin.InstallAsync(new MemoryStream(plugin.Archive()), "olive@example.com")).State);
        Assert.NotNull(_host.Catalog.DescribeSettings("test.configured"));
        Assert.False((await _host.Admin.SaveSettingsAsync("test.configured", new Dictionary<string, string?> { ["RepeatTimes"] = "99" }, "olive@example.com")).Saved);
        Assert.True((await _host.Admin.SaveSettingsAsync("test.configured", new Dictionary<string, string?> { ["Greeting"] = "Hi", ["RepeatTimes"] = "2", ["Tone"] = "Formal", ["ApiKey"] = "k" }, "olive@example.com")).Saved);

        var announced = new List<string>();
        _host.Catalog.Changed += (_, change) => { lock (announced) { announced.Add($"{change.PluginId} {change.What}"); } };
        var disabled = await _host.Admin.DisableAsync("test.configured", "olive@example.com");

        Assert.Equal(PluginState.Disabled, disabled.State);
        Assert.Null(disabled.UnloadProblem);
        lock (announced)
        {
            Assert.Contains("test.configured disabled", announced);
        }
    }

    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using Extensible.Sdk;
        using Extensible.Sdk.Content;

        namespace Test.Greeter;

        public sealed class GreeterPlugin : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<GreeterSettings>();
                plugin.AddContentRule(_ => new GreetingRule());
            }
        }

        public enum Tone { Friendly, Formal }

        public sealed class GreeterSettings
        {
            [Display(Name = "Greeting", Description = "The word every post should start with.")]
            [Required, StringLength(40)]
            public string Greeting { get; set; } = "Hello";

            [Display(Name = "Repeat times")]
            [Range(1, 10)]
            public int RepeatTimes { get; set; } = 1;

            [Display(Name = "Shout")]
            public bool Shout { get; set; }

            [Display(Name = "Tone")]
            public Tone Tone { get; set; } = Tone.Friendly;

            [Display(Name = "API key")]
            [Secret]
            public string? ApiKey { get; set; }
        }

        public sealed class GreetingRule : IContentRule
        {
            public CapabilityInfo Info { get; } = new("greeting", "Greeting check", "Warns when a post does not greet its readers.");

            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) =>
                Task.FromResult(RuleVerdict.Pass());
        }
        """;
}
