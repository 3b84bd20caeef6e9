namespace Extensible.Plugins.Catalog;

/// <summary>Where a plugin was found.</summary>
public enum PluginOrigin
{
    /// <summary>Shipped with the product in the host's build output; cannot be uninstalled, only disabled.</summary>
    Bundled,

    /// <summary>Installed by an operator into the plugins folder (upload, API or a dropped folder).</summary>
    Installed,
}
