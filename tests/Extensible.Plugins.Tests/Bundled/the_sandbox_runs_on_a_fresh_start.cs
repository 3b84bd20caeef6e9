using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Bundled;

/// <summary>
/// The plugins shipped with the product are in the host's build output and run on a fresh installation without anyone
/// installing them: the sandbox network is how a newcomer sees the product alive.
/// </summary>
public sealed class the_sandbox_runs_on_a_fresh_start(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task from_the_host_build_output_labelled_as_a_sandbox_with_its_connector_rule_and_step()
    {
        var (_, installed) = PluginsHost.NewFolders();
        await using var host = await PluginsHost.StartAsync(database.ConnectionString, (HostBuildOutputPlugins(), installed));

        var sandbox = host.Catalog.Find("extensible.sandbox");

        Assert.NotNull(sandbox);
        Assert.True(sandbox.State == PluginState.Running, $"The sandbox is {sandbox.State}: {sandbox.FailureReason}");
        Assert.Equal(PluginOrigin.Bundled, sandbox.Origin);
        Assert.True(sandbox.IsSandbox);
        Assert.Contains(sandbox.Capabilities, c => c.Kind == "connector" && c.Key == "sandbox");
        Assert.Contains(sandbox.Capabilities, c => c.Kind == "content-rule");
        Assert.Contains(sandbox.Capabilities, c => c.Kind == "moderation-step");
        var connector = Assert.Single(host.Capabilities.Connectors, c => c.PluginId == "extensible.sandbox");
        Assert.True(connector.Description.Key == "sandbox");
        await Assert.ThrowsAsync<PluginOperationException>(() => host.Admin.UninstallAsync("extensible.sandbox", "olive@example.com"));
    }

    // The host's build copies every shipped plugin into its output's plugins folder (the test runs in the same configuration).
    private static string HostBuildOutputPlugins()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var folder = Path.Combine(PluginTemplate.RepositoryRoot, "host", "Extensible.Host", "bin", configuration, framework, "plugins");
        Assert.True(Directory.Exists(Path.Combine(folder, "extensible.sandbox")), $"The host's build output has no sandbox plugin at {folder}.");
        return folder;
    }
}
