using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Plugins.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>
/// The Plugins room: every plugin the server found, its state and health; server operators install, enable, disable
/// and uninstall them, workspace admins look. Each changing handler declares <see cref="Policies.OperateServer"/>,
/// enforced by the console's handler authorization: hidden buttons are not a guard.
/// </summary>
[Authorize(Policy = Policies.ViewPlugins)]
[RequestSizeLimit(PluginUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PluginUpload.MaxRequestBytes)]
public sealed class IndexModel(IPluginCatalog catalog, IPluginAdministration administration)
    : RoomPageModel(ConsoleRooms.Plugins)
{
    /// <summary>The table's rows.</summary>
    public PluginRows Rows { get; private set; } = new([], MayChange: false);

    /// <summary>Whether the viewer may change plugins (server operators).</summary>
    public bool MayChange { get; private set; }

    /// <summary>The plugin the upload just installed, or <see langword="null"/>.</summary>
    public PluginSummary? Installed { get; private set; }

    /// <summary>Shows the room.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Installs (or upgrades) the uploaded archive; a refused archive installs nothing and says why.</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? archive, CancellationToken cancellationToken)
    {
        if (PluginUpload.Problem(archive?.FileName, archive?.Length ?? 0) is { } problem)
        {
            ModelState.AddModelError(nameof(archive), problem);
        }
        else
        {
            try
            {
                await using var stream = archive!.OpenReadStream();
                Installed = await administration.InstallAsync(stream, User.Actor(), cancellationToken);
            }
            catch (PluginOperationException e)
            {
                ModelState.AddModelError(nameof(archive), e.Message);
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Enables a disabled plugin (htmx): answers with the rows.</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.EnableAsync(id, User.Actor(), cancellationToken));

    /// <summary>Disables a plugin (htmx): answers with the rows.</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.DisableAsync(id, User.Actor(), cancellationToken));

    /// <summary>Uninstalls an installed plugin (htmx): answers with the rows.</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public Task<IActionResult> OnPostUninstallAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.UninstallAsync(id, User.Actor(), cancellationToken));

    // The answer is the rows with hx-swap-oob, as a live push is; a refusal comes back as an error toast with them.
    private async Task<IActionResult> ChangeAsync(Func<Task> change)
    {
        Toast? notice = null;
        try
        {
            await change();
        }
        catch (PluginOperationException e)
        {
            notice = new Toast(e.Message, Toast.Error);
        }

        return Partial("_PluginRows", new PluginRows(catalog.List(), MayChange: true, notice));
    }

    private Task LoadAsync()
    {
        MayChange = User.May(Policies.OperateServer);
        Rows = new PluginRows(catalog.List(), MayChange);
        return Task.CompletedTask;
    }
}
