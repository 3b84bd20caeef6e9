namespace Extensible.Testing.Plugins;

/// <summary>The plugins the product ships (the sandbox network), as the host's build copies them into its output.</summary>
public static class BundledPlugins
{
    /// <summary>The host's build output's <c>plugins</c> folder, in the configuration and framework the tests run in.</summary>
    /// <exception cref="InvalidOperationException">The host was not built, or its build has no sandbox plugin.</exception>
    public static string HostBuildOutputFolder()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var folder = Path.Combine(PluginTemplate.RepositoryRoot, "host", "Extensible.Host", "bin", configuration, framework, "plugins");
        return Directory.Exists(Path.Combine(folder, "extensible.sandbox"))
            ? folder
            : throw new InvalidOperationException($"The host's build output has no sandbox plugin at {folder}; build the solution first.");
    }
}
