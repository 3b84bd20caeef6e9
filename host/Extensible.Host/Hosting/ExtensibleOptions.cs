namespace Extensible.Host.Hosting;

/// <summary>Where the host keeps its files, bound from <c>Extensible</c>.</summary>
public sealed class ExtensibleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible";

    /// <summary>The data folder: the embedded PostgreSQL cluster and, by default, installed plugins.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The folder installed plugins go to; defaults to <c>plugins</c> under <see cref="DataDir"/>.</summary>
    public string? PluginsDir { get; set; }

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(DataDir);

    /// <summary>The plugins folder as an absolute path.</summary>
    public string PluginsPath => Path.GetFullPath(PluginsDir ?? Path.Combine(DataPath, "plugins"));
}
