using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk;

namespace Extensible.Plugins.Sandbox.Tests.Plugin;

public sealed class the_plugin_registers_and_ships_as_a_sandbox
{
    [Fact]
    public void it_registers_its_settings_a_sandbox_connector_a_rule_and_a_step()
    {
        using var harness = SandboxHarness.Create();

        Assert.Equal(typeof(SandboxSettings), harness.SettingsType);
        Assert.True(Assert.Single(harness.Connectors).Profile.IsSandbox);
        Assert.StartsWith("sandbox-", Assert.Single(harness.ContentRules).Info.Key, StringComparison.Ordinal);
        Assert.StartsWith("sandbox-", Assert.Single(harness.ModerationSteps).Info.Key, StringComparison.Ordinal);
        Assert.Empty(harness.InfluencerSources);
        Assert.Empty(harness.ListeningSources);
    }

    [Fact]
    public void default_settings_are_valid_and_bad_ones_are_refused_with_a_reason()
    {
        Assert.Empty(Validate(new SandboxSettings()));

        Assert.Contains(nameof(SandboxSettings.ItemsPerMinute), Validate(new SandboxSettings { ItemsPerMinute = -1 }).SelectMany(r => r.MemberNames));
        Assert.Contains(nameof(SandboxSettings.FailureRate), Validate(new SandboxSettings { FailureRate = 1.5 }).SelectMany(r => r.MemberNames));
        Assert.Contains(nameof(SandboxSettings.SpamWeight), Validate(new SandboxSettings { SpamWeight = 101 }).SelectMany(r => r.MemberNames));
        Assert.Single(Validate(new SandboxSettings { CommentWeight = 0, MentionWeight = 0, DirectMessageWeight = 0 }));
        Assert.Single(Validate(new SandboxSettings
        {
            QuestionWeight = 0, PraiseWeight = 0, ComplaintWeight = 0, SpamWeight = 0, AbuseWeight = 0, HostileTextWeight = 0,
        }));
    }

    [Fact]
    public void the_api_key_is_a_secret()
    {
        var property = typeof(SandboxSettings).GetProperty(nameof(SandboxSettings.ApiKey))!;

        Assert.NotNull(property.GetCustomAttribute<SecretAttribute>());
        Assert.Null(new SandboxSettings().ApiKey);
    }

    [Fact]
    public void its_output_holds_the_manifest_and_not_the_sdk()
    {
        var folder = Path.Combine(RepositoryRoot(), "plugins", "Extensible.Plugins.Sandbox", "bin",
            Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!, "net10.0");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "plugin.json")));
        var root = manifest.RootElement;

        Assert.Equal("extensible.sandbox", root.GetProperty("id").GetString());
        Assert.Equal("^1.0", root.GetProperty("sdk").GetString());
        Assert.True(root.GetProperty("sandbox").GetBoolean());
        Assert.True(File.Exists(Path.Combine(folder, root.GetProperty("entry").GetString()!)));
        Assert.Equal("Documentation", root.GetProperty("links")[0].GetProperty("title").GetString());
        // Its documentation is its page in docs/, which the server serves at the same path.
        var documentation = root.GetProperty("links")[0].GetProperty("url").GetString()!;
        Assert.StartsWith("/docs/", documentation, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), documentation.TrimStart('/'))), documentation);
        Assert.False(File.Exists(Path.Combine(folder, "Extensible.Sdk.dll")), "The SDK must come from the host, not the plugin's folder.");
    }

    private static List<ValidationResult> Validate(SandboxSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Extensible.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
