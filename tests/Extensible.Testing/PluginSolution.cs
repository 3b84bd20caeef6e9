namespace Extensible.Testing;

/// <summary>A plugin created from the <c>dotnet new extensible-plugin</c> template.</summary>
/// <param name="PluginId">Its id, as in its plugin.json.</param>
/// <param name="Name">Its project and namespace name.</param>
/// <param name="Folder">Its solution folder.</param>
public sealed record PluginSolution(string PluginId, string Name, string Folder)
{
    /// <summary>The plugin's project.</summary>
    public string ProjectPath => Path.Combine(Folder, "src", Name, $"{Name}.csproj");

    /// <summary>The plugin's test project.</summary>
    public string TestProjectPath => Path.Combine(Folder, "tests", $"{Name}.Tests", $"{Name}.Tests.csproj");

    /// <summary>The plugin's manifest.</summary>
    public string ManifestPath => Path.Combine(Folder, "src", Name, "plugin.json");
}
