using Extensible.Admin.Live;
using Extensible.Plugins.Catalog;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>The rows of the Plugins room's table, as the page renders them and as live pushes replace them.</summary>
/// <param name="Plugins">Every plugin the server found, ordered by name.</param>
/// <param name="MayChange">Whether the viewer may change plugins (Owners): the rows then carry the buttons that do.</param>
/// <param name="Notice">A toast to show with the rows (out of band), e.g. why a change was refused.</param>
public sealed record PluginRows(IReadOnlyList<PluginSummary> Plugins, bool MayChange, Toast? Notice = null)
{
    /// <summary>The id of the table body the rows are in: pushes and actions replace it whole.</summary>
    public const string ElementId = "plugin-rows";

    /// <summary>The id of one plugin's row.</summary>
    public static string RowId(string pluginId) => $"plugin-{pluginId}";
}
