using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>
/// One plugin's settings, as a form generated from its settings class. The runtime validates and saves; invalid values
/// save nothing and come back with a message beside each field. Only server operators read and save them (settings
/// configure code that runs with the server's rights).
/// </summary>
[Authorize(Policy = Policies.OperateServer)]
public sealed class SettingsModel(IPluginCatalog catalog, IPluginAdministration administration)
    : RoomPageModel(ConsoleRooms.Plugins)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The plugin.</summary>
    public PluginSummary Plugin { get; private set; } = null!;

    /// <summary>The fields to show, or empty when the plugin declares none or its settings cannot be read now.</summary>
    public IReadOnlyList<SettingsInput> Inputs { get; private set; } = [];

    /// <summary>Why the settings cannot be shown (the plugin is not running), or <see langword="null"/>.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Messages about the settings as a whole.</summary>
    public IReadOnlyList<string> FormErrors { get; private set; } = [];

    /// <summary>Whether the viewer may save (server operators).</summary>
    public bool MayChange { get; private set; }

    /// <summary>Whether this answer follows a successful save.</summary>
    public bool Saved { get; private set; }

    /// <summary>Shows the form with the stored values.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (catalog.Find(id) is not { } plugin)
        {
            return NotFound();
        }

        MayChange = User.May(Policies.OperateServer);
        Show(plugin, posted: null, NoErrors);
        return Page();
    }

    /// <summary>Saves the posted values; invalid ones save nothing and are shown back with their messages.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } plugin)
        {
            return NotFound();
        }

        MayChange = true;
        var form = Describe(id);
        if (form is null)
        {
            Show(plugin, posted: null, NoErrors);
            return Page();
        }

        var posted = form.Fields.ToDictionary(field => field.Name, PostedValue, StringComparer.Ordinal);
        try
        {
            var result = await administration.SaveSettingsAsync(id, posted, User.Actor(), cancellationToken);
            Saved = result.Saved;
            // Saved: show what is stored now; refused: show what was typed, beside the messages.
            Show(catalog.Find(id) ?? plugin, result.Saved ? null : posted, result.Errors);
        }
        catch (PluginOperationException e)
        {
            Show(plugin, posted, new Dictionary<string, IReadOnlyList<string>> { [""] = [e.Message] });
        }

        return Page();
    }

    // A checkbox left off sends nothing; everything else sends its text (a blank secret keeps the stored one).
    private string? PostedValue(SettingsField field) =>
        field.Kind == SettingsFieldKind.Toggle
            ? (Request.Form[field.Name].Contains("true") ? "true" : "false")
            : Request.Form.TryGetValue(field.Name, out var value) ? value.ToString() : null;

    private void Show(PluginSummary plugin, Dictionary<string, string?>? posted, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        Plugin = plugin;
        var form = Unavailable is null ? Describe(plugin.Id) : null;
        Inputs = form is null
            ? []
            : [.. form.Fields.Select(field => new SettingsInput(
                field,
                field.Kind == SettingsFieldKind.Secret ? null : posted is not null && posted.TryGetValue(field.Name, out var typed) ? typed : field.Value,
                errors.TryGetValue(field.Name, out var messages) ? messages : []))];
        // Messages about the whole object, or about a property the form does not show, go above the form.
        var shown = Inputs.Select(input => input.Field.Name).ToHashSet(StringComparer.Ordinal);
        FormErrors = [.. errors.Where(pair => !shown.Contains(pair.Key)).SelectMany(pair => pair.Value)];
    }

    private SettingsForm? Describe(string id)
    {
        try
        {
            return catalog.DescribeSettings(id);
        }
        catch (PluginOperationException e)
        {
            Unavailable = e.Message;
            return null;
        }
    }

}
